package org.cicloperformance.monitoringservice.result.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The results API on the real stack (mongo-java-server, in-process Kafka), against the plan golden sample. */
class ResultApiTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	MeterRegistry meters;

	String planId;

	@BeforeEach
	void knowTheSamplePlan() {
		planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
	}

	String item(String objective, String indicator, String checkpoint, String value) {
		return """
				{"planId":"%s","objective":"%s","indicator":"%s","checkpoint":"%s","value":%s,
				 "commentary":"Breve descrizione","evidence":["report.pdf"],"reportedBy":"ufficio-ri"}"""
				.formatted(planId, objective, indicator, checkpoint, value);
	}

	ResultActions post1(String json) throws Exception {
		return mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void recordsACountWithItsDeviationAndLocation() throws Exception {
		post1(item("1.1.1", "1", "2018-06-30", "{\"number\": 508, \"text\": \"508\"}"))
				.andExpect(status().isCreated())
				.andExpect(header().string("Location",
						"/api/results/" + planId + "/1.1.1/1/2018-06-30/versions/1"))
				.andExpect(jsonPath("$.version").value(1))
				.andExpect(jsonPath("$.planVersion").value(1))
				.andExpect(jsonPath("$.deviation.number").value(8))
				.andExpect(jsonPath("$.deviation.notDue").value(false))
				.andExpect(jsonPath("$.deviation.text").value("+8 posizioni"))
				.andExpect(jsonPath("$.reportedBy").value("ufficio-anagrafe"))
				.andExpect(jsonPath("$.recordedAt").exists());

		mvc.perform(get("/api/results/{p}/1.1.1/1/2018-06-30/versions/1", planId))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.value.number").value(508));
	}

	static Stream<Arguments> everyMeasureKind() {
		return Stream.of(
				Arguments.of("COUNT", "1.1.1", "1", "{\"number\": 400}", "$.deviation.number", -100),
				Arguments.of("COMPOUND", "1.1.1", "2", "{\"components\": {\"posizioni\": 2799, \"riunioni\": 3}}",
						"$.deviation.components.posizioni", -3201),
				Arguments.of("PERCENTAGE", "1.1.1", "3", "{\"number\": 82.70}", "$.deviation.number", 7.70),
				Arguments.of("AMOUNT not due", "1.1.1", "4", "{\"number\": 4.5}", "$.deviation.number", 4.5),
				Arguments.of("MILESTONE", "1.1.2", "1", "{\"delivered\": [{\"milestone\": \"M1\", \"date\": \"2018-04-02\"}]}",
						"$.deviation.missedMilestones[0]", "M1"),
				Arguments.of("BOOLEAN", "1.1.2", "2", "{\"yes\": true, \"text\": \"SI\"}", "$.value.yes", true),
				Arguments.of("QUALITATIVE", "1.1.2", "3",
						"{\"assessment\": 80, \"justification\": \"Progetto redatto, approvazione a settembre\"}",
						"$.value.assessment", 80),
				Arguments.of("QUALITATIVE described in words, for the OIV to judge", "1.1.2", "3",
						"{\"text\": \"Approvati i regolamenti con delibera n. 70\"}", "$.value.text",
						"Approvati i regolamenti con delibera n. 70"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyMeasureKind")
	void acceptsEveryMeasureKind(String kind, String objective, String indicator, String value, String path,
			Object expected) throws Exception {
		post1(item(objective, indicator, "2018-06-30", value))
				.andExpect(status().isCreated())
				.andExpect(jsonPath(path).value(expected));
	}

	@Test
	void marksAResultWithoutTargetAtTheCheckpointAsNotDue() throws Exception {
		post1(item("1.1.1", "4", "2018-06-30", "{\"number\": 23}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.deviation.number").value(23))
				.andExpect(jsonPath("$.deviation.notDue").value(true));
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				Arguments.of("unknown objective", "9.9.9", "1", "2018-06-30", "{\"number\": 1}", 422, "/objective", "objective-unknown"),
				Arguments.of("unknown indicator", "1.1.1", "99", "2018-06-30", "{\"number\": 1}", 422, "/indicator", "indicator-unknown"),
				Arguments.of("unknown checkpoint", "1.1.1", "1", "2018-03-31", "{\"number\": 1}", 422, "/checkpoint", "checkpoint-unknown"),
				Arguments.of("yes/no for a count", "1.1.1", "1", "2018-06-30", "{\"yes\": true}", 422, "/value/yes", "not-for-kind"),
				Arguments.of("count without number", "1.1.1", "1", "2018-06-30", "{\"text\": \"tanti\"}", 422, "/value/number", "required-for-kind"),
				Arguments.of("negative count", "1.1.1", "1", "2018-06-30", "{\"number\": -1}", 422, "/value/number", "negative-count"),
				Arguments.of("percentage above 100", "1.1.1", "3", "2018-06-30", "{\"number\": 100.01}", 422, "/value/number", "percentage-out-of-range"),
				Arguments.of("percentage below 0", "1.1.1", "3", "2018-06-30", "{\"number\": -0.5}", 422, "/value/number", "percentage-out-of-range"),
				Arguments.of("qualitative without justification", "1.1.2", "3", "2018-06-30", "{\"assessment\": 80}", 422, "/value/justification", "justification-required"),
				Arguments.of("qualitative with neither assessment nor text", "1.1.2", "3", "2018-06-30", "{}", 422, "/value/assessment", "required-for-kind"),
				Arguments.of("qualitative justification without assessment", "1.1.2", "3", "2018-06-30", "{\"text\": \"avviato\", \"justification\": \"x\"}", 422, "/value/justification", "justification-without-assessment"),
				Arguments.of("qualitative above 100", "1.1.2", "3", "2018-06-30", "{\"assessment\": 101, \"justification\": \"x\"}", 422, "/value/assessment", "assessment-out-of-range"),
				Arguments.of("milestone date not a date", "1.1.2", "1", "2018-06-30", "{\"delivered\": [{\"milestone\": \"M1\", \"date\": \"31/03/2018\"}]}", 422, "/value/delivered/0/date", "not-a-date"),
				Arguments.of("unknown milestone", "1.1.2", "1", "2018-06-30", "{\"delivered\": [{\"milestone\": \"M9\", \"date\": \"2018-03-31\"}]}", 422, "/value/delivered/0/milestone", "milestone-unknown"),
				Arguments.of("compound component missing", "1.1.1", "2", "2018-06-30", "{\"components\": {\"posizioni\": 2799}}", 422, "/value/components/riunioni", "component-missing"),
				Arguments.of("compound unknown component", "1.1.1", "2", "2018-06-30", "{\"components\": {\"posizioni\": 1, \"riunioni\": 1, \"gite\": 1}}", 422, "/value/components/gite", "component-unknown"),
				Arguments.of("boolean not a boolean", "1.1.2", "2", "2018-06-30", "{\"yes\": \"forse\"}", 400, "/value/yes", "malformed"),
				Arguments.of("number not a number", "1.1.1", "1", "2018-06-30", "{\"number\": \"tanti\"}", 400, "/value/number", "malformed"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void refusesNamingTheFieldAndStoresNothing(String why, String objective, String indicator, String checkpoint,
			String value, int status, String pointer, String code) throws Exception {
		post1(item(objective, indicator, checkpoint, value))
				.andExpect(status().is(status))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(status))
				.andExpect(jsonPath("$.type").exists())
				.andExpect(jsonPath("$.title").exists())
				.andExpect(jsonPath("$.errors[0].pointer").value(pointer))
				.andExpect(jsonPath("$.errors[0].code").value(code))
				.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		mvc.perform(get("/api/results").param("planId", planId)).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void refusesAnUnknownPlanWith404() throws Exception {
		post1(item("1.1.1", "1", "2018-06-30", "{\"number\": 1}").replace(planId, "piano-mai-visto"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.errors[0].pointer").value("/planId"))
				.andExpect(jsonPath("$.errors[0].code").value("plan-unknown"))
				.andExpect(jsonPath("$.errors[0].message", containsString("Piano sconosciuto o non ancora approvato")));
	}

	@Test
	void refusesWith409AResultForAPlanVersionNotReceivedYet() throws Exception {
		String onlyRevised = "revisionato-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.revised(onlyRevised)));
		post1(item("1.1.1", "1", "2018-06-30", "{\"number\": 1}").replace(planId, onlyRevised))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].code").value("plan-version-not-received"))
				.andExpect(jsonPath("$.errors[0].message", containsString("non è ancora stata ricevuta")));
	}

	@Test
	void measuresEachCheckpointAgainstTheVersionInForce() throws Exception {
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.revised(planId)));
		// v2 (appliesTo 31/12) raised 1.1.1/1 from 1.000 to 2.900 and added 1.1.2/4; 30/6 stays on v1.
		post1(item("1.1.1", "1", "2018-12-31", "{\"number\": 3000}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.planVersion").value(2))
				.andExpect(jsonPath("$.deviation.number").value(100));
		post1(item("1.1.1", "1", "2018-06-30", "{\"number\": 600}"))
				.andExpect(jsonPath("$.planVersion").value(1))
				.andExpect(jsonPath("$.deviation.number").value(100));
		post1(item("1.1.2", "4", "2018-06-30", "{\"number\": 3}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].code").value("indicator-unknown"));
		post1(item("1.1.2", "4", "2018-12-31", "{\"number\": 13}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.deviation.number").value(1));
	}

	@Test
	void answersInEnglishWhenAsked() throws Exception {
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
				.content(item("1.1.1", "3", "2018-06-30", "{\"number\": 120}")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.title").value("Result refused"))
				.andExpect(jsonPath("$.errors[0].message", containsString("between 0 and 100")));
	}

	@Test
	void keepsEveryVersionOfACorrectedResult() throws Exception {
		post1(item("1.1.1", "1", "2018-06-30", "{\"number\": 480}")).andExpect(status().isCreated());
		String correction = item("1.1.1", "1", "2018-06-30", "{\"number\": 520}")
				.replace("\"reportedBy\":\"ufficio-ri\"", "\"reportedBy\":\"dirigente\",\"reason\":\"conteggio rettificato\"");
		mvc.perform(post("/api/results").header(HttpHeaders.AUTHORIZATION, basic("ufficio-registro"))
				.contentType(MediaType.APPLICATION_JSON).content(correction))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.version").value(2))
				.andExpect(jsonPath("$.deviation.number").value(20));

		mvc.perform(get("/api/results/{p}/1.1.1/1/2018-06-30/versions", planId))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].version").value(1))
				.andExpect(jsonPath("$[0].value.number").value(480))
				.andExpect(jsonPath("$[0].reportedBy").value("ufficio-anagrafe"))
				.andExpect(jsonPath("$[0].deviation.number").value(-20))
				.andExpect(jsonPath("$[1].version").value(2))
				.andExpect(jsonPath("$[1].reason").value("conteggio rettificato"))
				.andExpect(jsonPath("$[1].reportedBy").value("ufficio-registro"));
		mvc.perform(get("/api/results").param("planId", planId).param("checkpoint", "2018-06-30"))
				.andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].version").value(2))
				.andExpect(jsonPath("$[0].value.number").value(520));
	}

	@Test
	void numbersConcurrentCorrectionsWithoutGapsOrLosses() throws Exception {
		int writers = 8;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
		try {
			List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
			for (int i = 0; i < writers; i++) {
				String body = item("1.1.1", "1", "2018-06-30", "{\"number\": " + (600 + i) + "}");
				statuses.add(pool.submit(() -> post1(body).andReturn().getResponse().getStatus()));
			}
			for (var status : statuses) {
				assertThat(status.get()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdown();
		}
		String history = mvc.perform(get("/api/results/{p}/1.1.1/1/2018-06-30/versions", planId))
				.andReturn().getResponse().getContentAsString();
		List<Integer> versions = com.jayway.jsonpath.JsonPath.read(history, "$[*].version");
		List<Integer> values = com.jayway.jsonpath.JsonPath.read(history, "$[*].value.number");
		assertThat(versions).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
		assertThat(values).containsExactlyInAnyOrder(600, 601, 602, 603, 604, 605, 606, 607);
	}

	@Test
	void storesOnceWhenTheSameKeyArrivesTwiceAtTheSameTime() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = item("1.1.1", "1", "2018-06-30", "{\"number\": 777}");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		List<Integer> statuses = new java.util.ArrayList<>();
		try {
			List<java.util.concurrent.Future<Integer>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				futures.add(pool.submit(() -> mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
						.header("Idempotency-Key", key).content(body)).andReturn().getResponse().getStatus()));
			}
			for (var future : futures) {
				statuses.add(future.get());
			}
		}
		finally {
			pool.shutdown();
		}
		// Each call either stored, replayed the stored answer (201) or found the first still running (409).
		assertThat(statuses).allMatch(s -> s == 201 || s == 409).contains(201);
		mvc.perform(get("/api/results/{p}/1.1.1/1/2018-06-30/versions", planId)).andExpect(jsonPath("$", hasSize(1)));
	}

	@Test
	void storesNothingOfABatchWithAnInvalidItem() throws Exception {
		String batch = "{\"results\":[" + item("1.1.1", "1", "2018-06-30", "{\"number\": 500}") + ","
				+ item("1.1.1", "3", "2018-06-30", "{\"number\": 140}") + ","
				+ item("1.1.2", "3", "2018-06-30", "{\"assessment\": 50}") + "]}";
		mvc.perform(post("/api/results/batch").contentType(MediaType.APPLICATION_JSON).content(batch))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors", hasSize(2)))
				.andExpect(jsonPath("$.errors[0].pointer").value("/results/1/value/number"))
				.andExpect(jsonPath("$.errors[1].pointer").value("/results/2/value/justification"));
		mvc.perform(get("/api/results").param("planId", planId)).andExpect(jsonPath("$", hasSize(0)));

		String valid = "{\"results\":[" + item("1.1.1", "1", "2018-06-30", "{\"number\": 500}") + ","
				+ item("1.1.1", "3", "2018-06-30", "{\"number\": 74.5}") + "]}";
		mvc.perform(post("/api/results/batch").contentType(MediaType.APPLICATION_JSON).content(valid))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.results", hasSize(2)))
				.andExpect(jsonPath("$.results[1].deviation.number").value(-0.5));
		mvc.perform(get("/api/results").param("planId", planId)).andExpect(jsonPath("$", hasSize(2)));
	}

	@Test
	void answersARetriedRequestOnceForTheSameIdempotencyKey() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = item("1.1.1", "1", "2018-06-30", "{\"number\": 501}");
		String first = mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key).content(body))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key).content(body))
				.andExpect(status().isCreated())
				.andExpect(header().string("Idempotent-Replayed", "true"))
				.andExpect(header().string("Location", "/api/results/" + planId + "/1.1.1/1/2018-06-30/versions/1"))
				.andExpect(content().json(first));
		mvc.perform(get("/api/results/{p}/1.1.1/1/2018-06-30/versions", planId)).andExpect(jsonPath("$", hasSize(1)));

		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", key).content(body.replace("501", "502")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].code").value("idempotency-key-reused"));
		mvc.perform(get("/api/results/{p}/1.1.1/1/2018-06-30/versions", planId)).andExpect(jsonPath("$", hasSize(1)));
	}

	@Test
	void letsAClientRetryARefusedRequestWithTheSameKey() throws Exception {
		String key = UUID.randomUUID().toString();
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
				.content(item("1.1.1", "1", "2018-06-30", "{\"number\": -5}")))
				.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
				.content(item("1.1.1", "1", "2018-06-30", "{\"number\": -5}")))
				.andExpect(status().isUnprocessableContent());
	}

	@Test
	void countsAcceptedAndRefusedResultsByReason() throws Exception {
		double accepted = count("monitoring.results.accepted", null);
		double negative = count("monitoring.results.refused", "negative-count");
		post1(item("1.1.1", "1", "2018-06-30", "{\"number\": 5}")).andExpect(status().isCreated());
		post1(item("1.1.1", "1", "2018-06-30", "{\"number\": -5}")).andExpect(status().isUnprocessableContent());
		assertThat(count("monitoring.results.accepted", null)).isEqualTo(accepted + 1);
		assertThat(count("monitoring.results.refused", "negative-count")).isEqualTo(negative + 1);
		assertThat(meters.get("monitoring.results.accepted").tag("application", "monitoring-service").counter())
				.isNotNull();
		assertThat(meters.get("monitoring.outbox.backlog").gauge()).isNotNull();
		assertThat(meters.get("monitoring.outbox.oldest.age").gauge()).isNotNull();
	}

	private double count(String name, String reason) {
		var search = meters.find(name);
		if (reason != null) {
			search = search.tag("reason", reason);
		}
		var counter = search.counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void exposesTheMetricsToPrometheusWithTheApplicationTag() throws Exception {
		post1(item("1.1.1", "1", "2018-06-30", "{\"number\": 5}")).andExpect(status().isCreated());
		mvc.perform(get("/actuator/prometheus"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("monitoring_results_accepted_total{application=\"monitoring-service\"}")))
				.andExpect(content().string(containsString("monitoring_outbox_backlog{application=\"monitoring-service\"}")))
				.andExpect(content().string(containsString("monitoring_outbox_oldest_age_seconds{application=\"monitoring-service\"}")));
	}

	@Test
	void listsThePlansItKnows() throws Exception {
		mvc.perform(get("/api/plans"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.planId == '%s')].versions[0].version".formatted(planId)).value(1));
	}

	@Test
	void describesTheApiInOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.paths['/api/results'].post").exists())
				.andExpect(jsonPath("$.paths['/api/results/batch'].post").exists())
				.andExpect(jsonPath("$.paths['/api/results/csv'].post").exists())
				.andExpect(jsonPath("$.paths['/api/plans'].get").exists())
				.andExpect(jsonPath("$.paths['/api/results'].post.description", containsString("reportedBy")))
				.andExpect(jsonPath("$.components.schemas.ResultRequest.properties.reportedBy.description",
						containsString("Ignored: the result is recorded as reported by the authenticated user")));
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}
}
