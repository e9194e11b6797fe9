package org.cicloperformance.reportingservice.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.cicloperformance.reportingservice.score.Outcome;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** This consumer's tolerant record reads monitoring-service's golden sample of {@code checkpoint-events}. */
class CheckpointEventsContractTest {

	static String closedSample() {
		return Seed.read(Seed.RESULT_CONTRACTS.resolve("checkpoint-closed.sample.json"));
	}

	@Test
	void readsTheCheckpointClosedGoldenSample() {
		CheckpointEvent event = Seed.JSON.readValue(closedSample(), CheckpointEvent.class);

		assertThat(event.type()).isEqualTo(CheckpointEvent.CLOSED);
		assertThat(event.eventId()).isNotBlank();
		assertThat(event.planId()).isNotBlank();
		assertThat(event.checkpoint()).isEqualTo("2018-06-30");
		assertThat(event.status()).isEqualTo(CheckpointState.CLOSED);
		assertThat(event.closing()).isEqualTo(1);
		assertThat(event.occurredAt()).isEqualTo(Instant.parse("2018-07-31T09:00:00Z"));
		assertThat(event.verdicts()).hasSize(5).allSatisfy(v -> {
			assertThat(v.objective()).isNotBlank();
			assertThat(v.indicator()).isNotBlank();
			assertThat(v.resultVersion()).isPositive();
			assertThat(v.verdict()).isIn("VALIDATED", "ADJUSTED");
			assertThat(v.at()).isNotNull();
		});
		CheckpointEvent.FinalVerdict adjusted = event.verdicts().get(1);
		assertThat(adjusted.verdict()).isEqualTo("ADJUSTED");
		assertThat(adjusted.adjustedAchievement()).isEqualByComparingTo(new BigDecimal("0.45"));
		assertThat(adjusted.reason()).isNotBlank();
		assertThat(event.verdicts().get(2).resultVersion()).isEqualTo(2);
	}

	@Test
	void ignoresFieldsItDoesNotKnow() {
		ObjectNode event = (ObjectNode) Seed.JSON.readTree(closedSample());
		event.put("nuovoCampo", "valore");
		((ObjectNode) event.path("verdicts").get(0)).put("evidenza", "verbale n. 3");

		CheckpointEvent read = Seed.JSON.readValue(Seed.JSON.writeValueAsString(event), CheckpointEvent.class);

		assertThat(read.verdicts()).hasSize(5);
	}

	@Test
	void aClosingItCannotScoreIsRefusedBeforeItTouchesTheState() {
		CheckpointEvent sample = Seed.JSON.readValue(closedSample(), CheckpointEvent.class);
		ObjectNode aboveOne = (ObjectNode) Seed.JSON.readTree(closedSample().replace("0.45", "1.45"));
		ObjectNode withoutClosing = (ObjectNode) Seed.JSON.readTree(closedSample());
		withoutClosing.remove("closing");

		assertThat(sample.invalidField()).isNull();
		assertThat(Seed.JSON.treeToValue(aboveOne, CheckpointEvent.class).invalidField()).isEqualTo("verdicts/1");
		assertThat(Seed.JSON.treeToValue(withoutClosing, CheckpointEvent.class).invalidField()).isEqualTo("closing");
	}

	@Test
	void anEventTypeItDoesNotKnowIsIgnored() {
		ObjectNode event = (ObjectNode) Seed.JSON.readTree(closedSample());
		event.put("type", "CheckpointArchived");
		CheckpointService service = new CheckpointService(null, null, null, null, null, null, null, null);

		assertThat(service.onEvent(Seed.JSON.readValue(Seed.JSON.writeValueAsString(event), CheckpointEvent.class)))
				.isEqualTo(Outcome.IGNORED);
	}
}
