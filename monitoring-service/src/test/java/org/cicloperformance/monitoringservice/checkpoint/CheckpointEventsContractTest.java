package org.cicloperformance.monitoringservice.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.cicloperformance.monitoringservice.support.Contracts;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.Test;

class CheckpointEventsContractTest {

	private static String sample() {
		return SamplePlans.read(Contracts.OWN.resolve("checkpoint-closed.sample.json"));
	}

	@Test
	void goldenSampleFollowsTheSchema() {
		assertThat(Contracts.validateCheckpointEvent(sample())).isEmpty();
	}

	@Test
	void schemaRejectsAClosingWithoutVerdicts() {
		assertThat(Contracts.validateCheckpointEvent(sample().replaceFirst("\"verdicts\"", "\"giudizi\""))).isNotEmpty();
	}

	@Test
	void schemaRejectsAnAdjustedAchievementAboveOne() {
		assertThat(Contracts.validateCheckpointEvent(sample().replace("0.45", "1.45"))).isNotEmpty();
	}

	@Test
	void schemaRejectsARejectedVerdictAmongTheFinalOnes() {
		assertThat(Contracts.validateCheckpointEvent(sample().replace("\"ADJUSTED\"", "\"REJECTED\""))).isNotEmpty();
	}
}
