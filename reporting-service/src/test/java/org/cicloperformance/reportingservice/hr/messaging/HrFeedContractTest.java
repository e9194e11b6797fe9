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

	static String withdrawn() {
		return Seed.read(OWN.resolve("hr-feed-withdrawn.sample.json"));
	}

	@Test
	void theGoldenSamplesFollowTheSchema() {
		assertThat(validate(published())).isEmpty();
		assertThat(validate(withdrawn())).isEmpty();
	}

	@Test
	void theSchemaRefusesAPublishedFeedThatIsNotFinal() {
		assertThat(validate(published().replace("\"status\": \"FINAL\",\n  \"payable\"",
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
		JsonNode withdrawnSample = Seed.JSON.readTree(withdrawn());

		assertThat(publishedSample.path("eventId").asString()).isEqualTo(HrFeedEvents.eventId(HrFeedEvents.PUBLISHED,
				"cciaa-brescia-2018", "2018-12-31", 1));
		assertThat(withdrawnSample.path("eventId").asString()).isEqualTo(HrFeedEvents.eventId(HrFeedEvents.WITHDRAWN,
				"cciaa-brescia-2018", "2018-12-31", 1));
		assertThat(HrFeedEvents.eventId(HrFeedEvents.PUBLISHED, "cciaa-brescia-2018", "2018-12-31", 2))
				.isNotEqualTo(publishedSample.path("eventId").asString());
	}

	@Test
	void theEventRecordsWriteWhatTheSchemaDescribes() {
		var publishedEvent = Seed.JSON.readValue(published(), HrFeedEvents.HrFeedPublished.class);
		var withdrawnEvent = Seed.JSON.readValue(withdrawn(), HrFeedEvents.HrFeedWithdrawn.class);

		String rewrittenPublished = Seed.JSON.writeValueAsString(publishedEvent);
		String rewrittenWithdrawn = Seed.JSON.writeValueAsString(withdrawnEvent);

		assertThat(validate(rewrittenPublished)).isEmpty();
		assertThat(validate(rewrittenWithdrawn)).isEmpty();
		assertThat(Seed.JSON.readTree(rewrittenPublished)).isEqualTo(Seed.JSON.readTree(published()));
		assertThat(Seed.JSON.readTree(rewrittenWithdrawn)).isEqualTo(Seed.JSON.readTree(withdrawn()));
	}
}
