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

	@Test
	void goldenSampleCarriesTheDeviationCauseAndTheSchemaRefusesAnUnknownOne() {
		String sample = SamplePlans.read(Contracts.OWN.resolve("result-recorded.sample.json"));
		assertThat(sample).contains("\"deviationCause\": \"INTERNAL\"");
		assertThat(Contracts.validateResultEvent(sample.replace("\"INTERNAL\"", "null"))).isEmpty();
		assertThat(Contracts.validateResultEvent(sample.replace("\"INTERNAL\"", "\"METEO\""))).isNotEmpty();
		assertThat(Contracts.validateResultEvent(sample.replace(",\n  \"deviationCause\": \"INTERNAL\"", "")))
				.as("an event written before the cause existed").isEmpty();
	}

	@Test
	void goldenSampleSaysWhetherTheResultIsInterimAndOlderEventsWithoutItStayValid() {
		String sample = SamplePlans.read(Contracts.OWN.resolve("result-recorded.sample.json"));
		assertThat(sample).contains("\"interim\": false");
		assertThat(Contracts.validateResultEvent(sample.replace("\"interim\": false", "\"interim\": true")
				.replace("\"2018-06-30\"", "\"2018-09-30\""))).isEmpty();
		assertThat(Contracts.validateResultEvent(sample.replace("\"interim\": false", "\"interim\": \"si\"")))
				.isNotEmpty();
		assertThat(Contracts.validateResultEvent(sample.replace(",\n  \"interim\": false", "")))
				.as("an event written before interim periods existed").isEmpty();
	}

	@Test
	void evidenceAttachedSampleFollowsTheSchema() {
		String sample = SamplePlans.read(Contracts.OWN.resolve("evidence-attached.sample.json"));
		assertThat(Contracts.validateResultEvent(sample)).isEmpty();
	}

	@Test
	void schemaRejectsAnEvidenceAttachedWithoutItsHash() {
		String sample = SamplePlans.read(Contracts.OWN.resolve("evidence-attached.sample.json"))
				.replace("\"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",", "");
		assertThat(Contracts.validateResultEvent(sample)).isNotEmpty();
	}

	@Test
	void schemaRejectsAnEvidenceAttachedPosingAsAResult() {
		String sample = SamplePlans.read(Contracts.OWN.resolve("evidence-attached.sample.json"))
				.replace("\"type\": \"EvidenceAttached\"", "\"type\": \"ResultRecorded\"");
		assertThat(Contracts.validateResultEvent(sample)).isNotEmpty();
	}
}
