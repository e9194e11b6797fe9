package org.cicloperformance.reportingservice.hr.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.Set;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** This producer's contract for {@code hr-feed}: the schema, its golden samples and the records that write them. */
public class HrFeedContractTest {

	static final Path OWN = Path.of("src/main/resources/contract");

	public static Set<ValidationMessage> validate(String json) {
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(Seed.read(OWN.resolve("hr-feed.schema.json")));
		return schema.validate(json, InputFormat.JSON);
	}

	static String published() {
		return Seed.read(OWN.resolve("hr-feed-published.sample.json"));
	}

	/** Version 2: the rows carry the FINAL scheda and the result pay. */
	static String publishedV2() {
		return Seed.read(OWN.resolve("hr-feed-published-v2.sample.json"));
	}

	static String withdrawn() {
		return Seed.read(OWN.resolve("hr-feed-withdrawn.sample.json"));
	}

	/** A corrected scheda (version 2) made FINAL, with the pay table it changes. */
	static String evaluationFinalised() {
		return Seed.read(OWN.resolve("hr-feed-evaluation-finalised.sample.json"));
	}

	/** HR entered version 2 of a managers' fund while two schede are FINAL. */
	static String resultPayRevised() {
		return Seed.read(OWN.resolve("hr-feed-result-pay-revised.sample.json"));
	}

	@Test
	void theGoldenSamplesFollowTheSchema() {
		assertThat(validate(published())).isEmpty();
		assertThat(validate(publishedV2())).isEmpty();
		assertThat(validate(withdrawn())).isEmpty();
		assertThat(validate(evaluationFinalised())).isEmpty();
		assertThat(validate(resultPayRevised())).isEmpty();
	}

	@Test
	void theResultPayRevisedSampleCarriesTheIdOfItsFundVersionAndTheSchemaRefusesItWithoutItsAct() {
		JsonNode sample = Seed.JSON.readTree(resultPayRevised());

		assertThat(sample.path("eventId").asString())
			.isEqualTo(EvaluationEvents.fundEventId("cciaa-brescia-2018", "risultato-dirigenti", 2));
		assertThat(validate(resultPayRevised().replace("\"act\": \"Determinazione n. 12 (esempio)\",\n  \"actDate\"",
				"\"actDate\""))).isNotEmpty();
		assertThat(validate(resultPayRevised().replace("\"type\": \"ResultPayRevised\"", "\"type\": \"Altro\"")))
			.isNotEmpty();
	}

	@Test
	void theSchemaRefusesAnEvaluationFinalisedThatIsNotFinalOrACorrectionWithoutItsReason() {
		assertThat(validate(evaluationFinalised().replace("\"state\": \"FINAL\"", "\"state\": \"PROPOSED\"")))
			.isNotEmpty();
		assertThat(validate(evaluationFinalised().replace("\"correctionReason\"", "\"motivo\""))).isNotEmpty();
		assertThat(validate(evaluationFinalised().replace("\"payTable\"", "\"tabella\""))).isNotEmpty();
		assertThat(validate(evaluationFinalised().replace("\"schemaVersion\": 1", "\"schemaVersion\": 2")))
			.isNotEmpty();
	}

	@Test
	void theEvaluationFinalisedSampleCarriesTheIdOfItsSchedaVersionAndItsPayTableSumsToTheFund() {
		JsonNode sample = Seed.JSON.readTree(evaluationFinalised());

		assertThat(sample.path("eventId").asString())
			.isEqualTo(EvaluationEvents.eventId("cciaa-brescia-2018", "vairano", 2));
		assertThat(EvaluationEvents.eventId("cciaa-brescia-2018", "vairano", 1))
			.isNotEqualTo(sample.path("eventId").asString());
		assertThat(sample.path("schemaVersion").asInt()).isEqualTo(EvaluationEvents.SCHEMA_VERSION);
		assertThat(sample.path("evaluation").path("version").asInt()).isEqualTo(sample.path("version").asInt());
		JsonNode table = sample.path("payTable").get(0);
		java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
		for (JsonNode line : table.path("lines")) {
			sum = sum.add(line.path("amount").decimalValue());
		}
		assertThat(sum).isEqualByComparingTo(table.path("paid").decimalValue())
			.isEqualByComparingTo(table.path("fundAmount").decimalValue());
		assertThat(sample.path("resultPay").get(0).path("amount").decimalValue())
			.isEqualByComparingTo(table.path("lines").get(1).path("amount").decimalValue());
	}

	/**
	 * A consumer written for versions 1 and 2 (it knows HrFeedPublished and HrFeedWithdrawn, ignores unknown types
	 * and fields, as docs/hr-feed.md asks) reads the stream with the new event in it as before.
	 */
	@Test
	void aConsumerOfTheEarlierVersionsKeepsWorkingWithTheNewEventOnTheTopic() {
		TolerantHrConsumer consumer = new TolerantHrConsumer();
		for (String event : java.util.List.of(published(), evaluationFinalised(), withdrawn(), publishedV2(),
				evaluationFinalised(), resultPayRevised())) {
			consumer.accept(event);
		}

		assertThat(consumer.ignored).isEqualTo(3);
		assertThat(consumer.published).extracting(TolerantHrConsumer.Published::closing).containsExactly(1, 1);
		assertThat(consumer.withdrawn).containsExactly(1);
		assertThat(consumer.published.get(1).rows()).extracting(TolerantHrConsumer.Row::managerId)
			.contains("dazzeo", "vairano");
	}

	/** An HR system's consumer of versions 1 and 2, as such a system would write it: only what it needs. */
	static final class TolerantHrConsumer {

		@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
		record Row(String managerId, java.math.BigDecimal payoutPercentage) {
		}

		@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
		record Published(String eventId, String planId, String checkpoint, int closing, boolean payable,
				java.util.List<Row> rows) {
		}

		final java.util.List<Published> published = new java.util.ArrayList<>();

		final java.util.List<Integer> withdrawn = new java.util.ArrayList<>();

		int ignored;

		void accept(String json) {
			JsonNode event = Seed.JSON.readTree(json);
			switch (event.path("type").asString()) {
				case "HrFeedPublished" -> published.add(Seed.JSON.readValue(json, Published.class));
				case "HrFeedWithdrawn" -> withdrawn.add(event.path("closing").asInt());
				default -> ignored++;
			}
		}
	}

	@Test
	void versionTwoOnlyAddsOptionalFieldsToVersionOne() {
		JsonNode v2 = Seed.JSON.readTree(publishedV2());
		ObjectNode stripped = (ObjectNode) v2.deepCopy();
		stripped.remove("schemaVersion");
		stripped.path("rows").forEach(row -> {
			((ObjectNode) row).remove("evaluation");
			((ObjectNode) row).remove("resultPay");
		});

		assertThat(v2.path("schemaVersion").asInt()).isEqualTo(HrFeedEvents.SCHEMA_VERSION);
		assertThat(v2.path("rows").get(0).has("evaluation")).isTrue();
		assertThat(v2.path("rows").get(0).has("resultPay")).isTrue();
		assertThat(stripped).isEqualTo(Seed.JSON.readTree(published()));
		assertThat(Seed.JSON.readTree(published()).has("schemaVersion")).isFalse();
	}

	@Test
	void theSchemaRefusesAnEvaluationThatIsNotFinalOrAPayWithoutItsAct() {
		assertThat(validate(publishedV2().replace("\"state\": \"FINAL\"", "\"state\": \"PROPOSED\""))).isNotEmpty();
		assertThat(validate(publishedV2().replace("\"act\":", "\"atto\":"))).isNotEmpty();
		assertThat(validate(publishedV2().replace("\"schemaVersion\": 2", "\"schemaVersion\": 3"))).isNotEmpty();
	}

	@Test
	void theSchemaRefusesAPublishedFeedThatIsNotFinal() {
		assertThat(validate(published().replace("\"status\": \"FINAL\",\n  \"payable\"",
				"\"status\": \"PROVISIONAL\",\n  \"payable\""))).isNotEmpty();
		assertThat(validate(publishedV2().replace("\"status\": \"FINAL\",\n  \"payable\"",
				"\"status\": \"PROVISIONAL\",\n  \"payable\""))).isNotEmpty();
	}

	@Test
	void theSchemaRefusesAWithdrawalWithoutItsReasonOrClosing() {
		assertThat(validate(withdrawn().replace("\"reason\"", "\"motivo\""))).isNotEmpty();
		assertThat(validate(withdrawn().replace("\"closing\": 1", "\"closing\": 0"))).isNotEmpty();
	}

	@Test
	void theSamplesCarryTheDeterministicIdsOfTheirClosing() {
		JsonNode publishedSample = Seed.JSON.readTree(published());
		JsonNode publishedV2Sample = Seed.JSON.readTree(publishedV2());
		JsonNode withdrawnSample = Seed.JSON.readTree(withdrawn());

		assertThat(publishedSample.path("eventId").asString()).isEqualTo(HrFeedEvents.eventId(HrFeedEvents.PUBLISHED,
				"cciaa-brescia-2018", "2018-12-31", 1));
		assertThat(publishedV2Sample.path("eventId").asString()).isEqualTo(publishedSample.path("eventId").asString());
		assertThat(withdrawnSample.path("eventId").asString()).isEqualTo(HrFeedEvents.eventId(HrFeedEvents.WITHDRAWN,
				"cciaa-brescia-2018", "2018-12-31", 1));
		assertThat(HrFeedEvents.eventId(HrFeedEvents.PUBLISHED, "cciaa-brescia-2018", "2018-12-31", 2))
				.isNotEqualTo(publishedSample.path("eventId").asString());
	}

	@Test
	void theEventRecordsWriteWhatTheSchemaDescribes() {
		var publishedEvent = Seed.JSON.readValue(published(), HrFeedEvents.HrFeedPublished.class);
		var publishedV2Event = Seed.JSON.readValue(publishedV2(), HrFeedEvents.HrFeedPublished.class);
		var withdrawnEvent = Seed.JSON.readValue(withdrawn(), HrFeedEvents.HrFeedWithdrawn.class);
		var evaluationEvent = Seed.JSON.readValue(evaluationFinalised(), EvaluationEvents.EvaluationFinalised.class);
		String rewrittenEvaluation = Seed.JSON.writeValueAsString(evaluationEvent);
		assertThat(validate(rewrittenEvaluation)).isEmpty();
		assertThat(Seed.JSON.readTree(rewrittenEvaluation)).isEqualTo(Seed.JSON.readTree(evaluationFinalised()));
		var payEvent = Seed.JSON.readValue(resultPayRevised(), EvaluationEvents.ResultPayRevised.class);
		String rewrittenPay = Seed.JSON.writeValueAsString(payEvent);
		assertThat(validate(rewrittenPay)).isEmpty();
		assertThat(Seed.JSON.readTree(rewrittenPay)).isEqualTo(Seed.JSON.readTree(resultPayRevised()));

		String rewrittenPublished = Seed.JSON.writeValueAsString(publishedEvent);
		String rewrittenWithdrawn = Seed.JSON.writeValueAsString(withdrawnEvent);
		String rewrittenV2 = Seed.JSON.writeValueAsString(publishedV2Event);

		assertThat(validate(rewrittenPublished)).isEmpty();
		assertThat(validate(rewrittenWithdrawn)).isEmpty();
		assertThat(validate(rewrittenV2)).isEmpty();
		assertThat(Seed.JSON.readTree(rewrittenV2)).isEqualTo(Seed.JSON.readTree(publishedV2()));
		assertThat(Seed.JSON.readTree(rewrittenPublished)).isEqualTo(Seed.JSON.readTree(published()));
		assertThat(Seed.JSON.readTree(rewrittenWithdrawn)).isEqualTo(Seed.JSON.readTree(withdrawn()));
	}
}
