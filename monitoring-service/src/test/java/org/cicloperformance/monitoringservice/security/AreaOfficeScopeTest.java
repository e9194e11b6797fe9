package org.cicloperformance.monitoringservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * An area office records results only for the objectives of its areas, as the plan version in force at the
 * checkpoint assigns them, whatever ids the request carries; and what it records is signed with its own name.
 * Here 1.1.1 is of area ANA and 1.1.2 of PRM; the revision (version 2, 31/12 only) moves 1.1.1 to PRM.
 */
class AreaOfficeScopeTest extends IntegrationTestBase {

	static final String ANA = "ufficio-anagrafe";

	static final String PRM = "ufficio-promozione";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlanVersionStore plans;

	String planId;

	@BeforeEach
	void aPlanOfTwoAreas() {
		planId = "piano-aree-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.withArea(SamplePlans.published(planId), "1.1.2", "PRM")));
		String revised = SamplePlans.withArea(SamplePlans.revised(planId), "1.1.2", "PRM");
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.withArea(revised, "1.1.1", "PRM")));
	}

	String item(String objective, String indicator, String checkpoint, String value) {
		return """
				{"planId":"%s","objective":"%s","indicator":"%s","checkpoint":"%s","value":%s,"reportedBy":"qualcun-altro"}"""
			.formatted(planId, objective, indicator, checkpoint, value);
	}

	MvcTestResult post(String user, String path, String json) {
		return mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION, basic(user)).contentType(MediaType.APPLICATION_JSON)
			.content(json).exchange();
	}

	MvcTestResult csv(String user, String text) {
		return mvc.post().uri("/api/results/csv").header(HttpHeaders.AUTHORIZATION, basic(user)).contentType("text/csv")
			.content(text.replace("PIANO", planId)).exchange();
	}

	void assertNothingStored() {
		assertThat(mvc.get().uri("/api/results").param("planId", planId)).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(0);
	}

	static void assertAreaRefusal(MvcTestResult response) {
		assertThat(response).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.type").asString().endsWith("/area-forbidden");
		assertThat(response).bodyJson().extractingPath("$.errors[*].code").asArray().containsOnly("area-forbidden");
	}

	@Test
	void refusesASingleResultForAnotherArea() {
		var response = post(PRM, "/api/results", item("1.1.1", "1", "2018-06-30", "{\"number\": 500}"));

		assertAreaRefusal(response);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/objective");
		assertThat(response).bodyJson().extractingPath("$.errors[0].message").asString().contains("1.1.1", "ANA");
		assertNothingStored();
		assertThat(post(PRM, "/api/results", item("1.1.2", "2", "2018-06-30", "{\"yes\": true}")))
			.hasStatus(HttpStatus.CREATED);
	}

	@Test
	void decidesTheAreaByThePlanVersionInForceAtTheCheckpoint() {
		assertThat(post(ANA, "/api/results", item("1.1.1", "1", "2018-06-30", "{\"number\": 500}")))
			.hasStatus(HttpStatus.CREATED);
		assertAreaRefusal(post(ANA, "/api/results", item("1.1.1", "1", "2018-12-31", "{\"number\": 2900}")));
		assertThat(post(PRM, "/api/results", item("1.1.1", "1", "2018-12-31", "{\"number\": 2900}")))
			.hasStatus(HttpStatus.CREATED);
	}

	@Test
	void refusesAWholeBatchWithOneItemOfAnotherArea() {
		String batch = "{\"results\":[" + item("1.1.1", "1", "2018-06-30", "{\"number\": 500}") + ","
				+ item("1.1.2", "2", "2018-06-30", "{\"yes\": true}") + ","
				+ item("1.1.1", "3", "2018-06-30", "{\"number\": 80}") + "]}";

		var response = post(ANA, "/api/results/batch", batch);

		assertAreaRefusal(response);
		assertThat(response).bodyJson().extractingPath("$.errors.length()").isEqualTo(1);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/results/1/objective");
		assertNothingStored();
	}

	@Test
	void refusesForTheAreaBeforeLookingAtTheValues() {
		String batch = "{\"results\":[" + item("1.1.1", "1", "2018-06-30", "{\"number\": -1}") + ","
				+ item("1.1.2", "2", "2018-06-30", "{\"number\": 3}") + "]}";

		var response = post(ANA, "/api/results/batch", batch);

		assertAreaRefusal(response);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/results/1/objective");
		assertNothingStored();
	}

	@Test
	void refusesAWholeCsvWithOneLineOfAnotherArea() {
		var response = csv(ANA, String.join("\n", "piano;obiettivo;indicatore;checkpoint;valore;referente",
				"PIANO;1.1.1;1;30/06/2018;500;ufficio-anagrafe",
				"PIANO;1.1.2;2;30/06/2018;SI;ufficio-anagrafe",
				"PIANO;1.1.1;3;30/06/2018;80%;ufficio-anagrafe",
				"PIANO;1.1.2;2;30/06/2018;forse;ufficio-anagrafe"));

		assertAreaRefusal(response);
		assertThat(response).bodyJson().extractingPath("$.errors[*].line").asArray().containsExactly(3, 5);
		assertThat(response).bodyJson().extractingPath("$.errors[0].column").isEqualTo("obiettivo");
		assertNothingStored();
	}

	@Test
	void refusesAMultipartCsvOfAnotherArea() {
		byte[] file = ("piano,obiettivo,indicatore,checkpoint,valore\n" + planId + ",1.1.1,1,30/06/2018,500\n")
			.getBytes(StandardCharsets.UTF_8);

		var response = mvc.post().uri("/api/results/csv").header(HttpHeaders.AUTHORIZATION, basic(PRM))
			.multipart().file(new MockMultipartFile("file", "risultati.csv", "text/csv", file)).exchange();

		assertAreaRefusal(response);
		assertThat(response).bodyJson().extractingPath("$.errors[0].line").isEqualTo(2);
		assertNothingStored();
	}

	@Test
	void signsEveryResultAndItsEventWithTheAuthenticatedUser() {
		var single = post(ANA, "/api/results", item("1.1.1", "1", "2018-06-30", "{\"number\": 500}"));
		var withoutReporter = post(ANA, "/api/results", """
				{"planId":"%s","objective":"1.1.1","indicator":"4","checkpoint":"2018-06-30","value":{"number":3}}"""
			.formatted(planId));
		var batch = post(PRM, "/api/results/batch",
				"{\"results\":[" + item("1.1.2", "2", "2018-06-30", "{\"yes\": false}") + "]}");
		var csv = csv(ANA, "piano;obiettivo;indicatore;checkpoint;valore;referente\nPIANO;1.1.1;3;30/06/2018;80%;qualcun-altro");

		assertThat(single).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.reportedBy").isEqualTo(ANA);
		assertThat(withoutReporter).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.reportedBy").isEqualTo(ANA);
		assertThat(batch).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.results[0].reportedBy").isEqualTo(PRM);
		assertThat(csv).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.results[0].reportedBy").isEqualTo(ANA);
		assertThat(mvc.get().uri("/api/results/{p}/1.1.1/1/2018-06-30/versions", planId)).bodyJson()
			.extractingPath("$[0].reportedBy")
			.isEqualTo(ANA);

		List<String> eventIds = List.of(JsonPath.read(bodyOf(single), "$.eventId"),
				JsonPath.read(bodyOf(withoutReporter), "$.eventId"), JsonPath.read(bodyOf(csv), "$.results[0].eventId"));
		String batchEvent = JsonPath.read(bodyOf(batch), "$.results[0].eventId");
		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
			.consumer(TestInfrastructure.broker().getBrokersAsString(), "result-events")) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key())).forEach(mine::add);
				assertThat(mine).extracting(r -> (String) JsonPath.read(r.value(), "$.eventId"))
					.containsAll(eventIds)
					.contains(batchEvent);
			});
		}
		for (var event : mine) {
			String expected = batchEvent.equals(JsonPath.read(event.value(), "$.eventId")) ? PRM : ANA;
			assertThat((String) JsonPath.read(event.value(), "$.reportedBy")).isEqualTo(expected);
		}
	}

	private static String bodyOf(MvcTestResult response) {
		try {
			return response.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
