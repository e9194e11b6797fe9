package org.cicloperformance.monitoringservice.result.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.cicloperformance.monitoringservice.support.Contracts;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.Test;

class ResultEventsContractTest {

	@Test
	void goldenSampleFollowsTheSchema() {
		String sample = SamplePlans.read(Contracts.OWN.resolve("result-recorded.sample.json"));
		assertThat(Contracts.validateResultEvent(sample)).isEmpty();
	}

	@Test
	void schemaRejectsAnEventWithoutPlanId() {
		String sample = SamplePlans.read(Contracts.OWN.resolve("result-recorded.sample.json"))
				.replace("\"planId\": \"cciaa-brescia-2018\",", "");
		assertThat(Contracts.validateResultEvent(sample)).isNotEmpty();
	}
}
