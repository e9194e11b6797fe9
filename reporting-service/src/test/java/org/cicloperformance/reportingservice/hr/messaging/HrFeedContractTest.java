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
class HrFeedContractTest {

	static final Path OWN = Path.of("src/main/resources/contract");

	static Set<ValidationMessage> validate(String json) {
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

	@Test
	void theGoldenSamplesFollowTheSchema() {
		assertThat(validate(published())).isEmpty();
		assertThat(validate(publishedV2())).isEmpty();
		assertThat(validate(withdrawn())).isEmpty();
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
