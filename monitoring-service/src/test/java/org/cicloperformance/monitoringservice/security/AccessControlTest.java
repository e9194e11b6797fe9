package org.cicloperformance.monitoringservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Each role gets exactly what it should from each endpoint; everything else is refused as problem+json, recorded,
 * and changes nothing.
 */
class AccessControlTest extends IntegrationTestBase {

	static final String PLAN = "piano-accessi-" + UUID.randomUUID();

	static final String RESULT = "/api/results/" + PLAN + "/1.1.1/1/2018-06-30";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void aKnownPlanWithAResult() {
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(PLAN)));
		if (mvc.get().uri(RESULT + "/versions").exchange().getResponse().getStatus() == 404) {
			assertThat(mvc.post().uri("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(item("1.1.1", "1", "2018-06-30", 500))).hasStatus(HttpStatus.CREATED);
		}
	}

	static String item(String objective, String indicator, String checkpoint, int number) {
		return """
				{"planId":"%s","objective":"%s","indicator":"%s","checkpoint":"%s","value":{"number":%d}}"""
			.formatted(PLAN, objective, indicator, checkpoint, number);
	}

	static final String SINGLE = item("1.1.1", "1", "2018-06-30", 510);

	static final String BATCH = "{\"results\":[" + item("1.1.1", "4", "2018-06-30", 7) + "]}";

	static final String CSV = "piano;obiettivo;indicatore;checkpoint;valore\n" + PLAN + ";1.1.1;3;30/06/2018;80,5%\n";

	static Stream<Arguments> matrix() {
		var readers = Stream.of("pianificatore", "ufficio-anagrafe", "ufficio-promozione", "dirigente", "oiv", "lettore")
			.flatMap(user -> Stream.of(row(user, HttpMethod.GET, "/api/results?planId=" + PLAN, null, 200),
					row(user, HttpMethod.GET, RESULT + "/versions", null, 200),
					row(user, HttpMethod.GET, RESULT + "/versions/1", null, 200),
					row(user, HttpMethod.GET, "/api/plans", null, 200)));
		var hr = Stream.of(row("personale", HttpMethod.GET, "/api/results?planId=" + PLAN, null, 403),
				row("personale", HttpMethod.GET, RESULT + "/versions", null, 403),
				row("personale", HttpMethod.GET, RESULT + "/versions/1", null, 403),
				row("personale", HttpMethod.GET, "/api/plans", null, 403));
		var recorder = Stream.of(row("ufficio-anagrafe", HttpMethod.POST, "/api/results", SINGLE, 201),
				row("ufficio-anagrafe", HttpMethod.POST, "/api/results/batch", BATCH, 201),
				row("ufficio-anagrafe", HttpMethod.POST, "/api/results/csv", CSV, 201),
				// an area office, but not of area ANA
				row("ufficio-promozione", HttpMethod.POST, "/api/results", SINGLE, 403),
				row("ufficio-promozione", HttpMethod.POST, "/api/results/batch", BATCH, 403),
				row("ufficio-promozione", HttpMethod.POST, "/api/results/csv", CSV, 403));
		var notRecorders = Stream.of("pianificatore", "dirigente", "oiv", "personale", "lettore")
			.flatMap(user -> Stream.of(row(user, HttpMethod.POST, "/api/results", SINGLE, 403),
					row(user, HttpMethod.POST, "/api/results/batch", BATCH, 403),
					row(user, HttpMethod.POST, "/api/results/csv", CSV, 403)));
		var audit = Stream.of(row("pianificatore", HttpMethod.GET, "/api/audit", null, 200),
				row("oiv", HttpMethod.GET, "/api/audit", null, 200),
				row("ufficio-anagrafe", HttpMethod.GET, "/api/audit", null, 403),
				row("dirigente", HttpMethod.GET, "/api/audit", null, 403),
				row("personale", HttpMethod.GET, "/api/audit", null, 403),
				row("lettore", HttpMethod.GET, "/api/audit", null, 403));
		var anonymous = Stream.of(row(null, HttpMethod.GET, "/api/results", null, 401),
				row(null, HttpMethod.GET, RESULT + "/versions", null, 401),
				row(null, HttpMethod.GET, "/api/plans", null, 401),
				row(null, HttpMethod.GET, "/api/audit", null, 401),
				row(null, HttpMethod.POST, "/api/results", SINGLE, 401),
				row(null, HttpMethod.POST, "/api/results/batch", BATCH, 401),
				row(null, HttpMethod.POST, "/api/results/csv", CSV, 401),
				row(null, HttpMethod.GET, "/actuator/health", null, 200),
				row(null, HttpMethod.GET, "/actuator/prometheus", null, 200),
				row(null, HttpMethod.GET, "/v3/api-docs", null, 200),
				row(null, HttpMethod.GET, "/actuator/info", null, 401),
				row(null, HttpMethod.GET, "/actuator/env", null, 401),
				row(null, HttpMethod.GET, "/actuator/metrics", null, 401),
				row(null, HttpMethod.GET, "/actuator", null, 401),
				// authenticated, still nothing more is exposed
				row("oiv", HttpMethod.GET, "/actuator/env", null, 404));
		return Stream.of(readers, hr, recorder, notRecorders, audit, anonymous).flatMap(s -> s);
	}

	@ParameterizedTest(name = "{0} {1} {2} → {4}")
	@MethodSource("matrix")
	void eachRoleGetsExactlyWhatItShould(String user, HttpMethod method, String path, String body, int expected) {
		var request = mvc.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, user == null ? "" : basic(user));
		if (body != null) {
			var type = body.startsWith("piano;") ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON;
			request = request.contentType(type).content(body);
		}

		var response = request.exchange();

		assertThat(response).hasStatus(expected);
		if (expected == 401 || expected == 403) {
			assertThat(response).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response).bodyJson().extractingPath("$.status").isEqualTo(expected);
			assertThat(response).bodyJson().extractingPath("$.title").asString().isNotBlank();
		}
		if (expected == 401) {
			assertThat(response).containsHeader(HttpHeaders.WWW_AUTHENTICATE);
		}
	}

	@Test
	void aRefusedWriteStoresNothingAndIsOnRecord() {
		String unique = "/api/results/" + PLAN + "/1.1.2/2/2018-12-31";
		String body = """
				{"planId":"%s","objective":"1.1.2","indicator":"2","checkpoint":"2018-12-31","value":{"yes":true}}"""
			.formatted(PLAN);

		for (String user : new String[] { "lettore", "oiv", "pianificatore", "ufficio-promozione" }) {
			assertThat(mvc.post().uri("/api/results").header(HttpHeaders.AUTHORIZATION, basic(user))
				.contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.FORBIDDEN);
		}

		assertThat(mvc.get().uri(unique + "/versions")).hasStatus(HttpStatus.NOT_FOUND);
		var trail = mvc.get().uri("/api/audit").header(HttpHeaders.AUTHORIZATION, basic("oiv")).exchange();
		for (String user : new String[] { "lettore", "oiv", "pianificatore", "ufficio-promozione" }) {
			assertThat(trail).bodyJson()
				.extractingPath("$[?(@.actor == '%s' && @.path == '/api/results' && @.status == 403)].outcome"
					.formatted(user))
				.asArray()
				.contains("REFUSED");
		}
	}

	@Test
	void anAllowedWriteIsOnRecordWithWhoAndFromWhere() {
		assertThat(mvc.post().uri("/api/results").contentType(MediaType.APPLICATION_JSON)
			.content(item("1.1.1", "1", "2018-12-31", 2800))).hasStatus(HttpStatus.CREATED);

		var trail = mvc.get().uri("/api/audit").header(HttpHeaders.AUTHORIZATION, basic("pianificatore")).exchange();
		assertThat(trail).bodyJson()
			.extractingPath("$[?(@.actor == 'ufficio-anagrafe' && @.method == 'POST' && @.status == 201)]")
			.asArray()
			.isNotEmpty();
		assertThat(trail).bodyJson()
			.extractingPath("$[?(@.actor == 'ufficio-anagrafe' && @.status == 201)].remoteAddress")
			.asArray()
			.contains("127.0.0.1");
		assertThat(trail).bodyJson().extractingPath("$[*].entity").asArray().containsOnly("cciaa-esempio");
	}

	@Test
	void aWrongPasswordIsRefusedAndOnRecord() {
		String path = "/api/results/" + UUID.randomUUID() + "/1.1.1/1/2018-06-30/versions";

		assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
			.encodeToString("oiv:sbagliata".getBytes(StandardCharsets.UTF_8)))).hasStatus(HttpStatus.UNAUTHORIZED);

		// On record with the name tried and, as it is a known user, its entity: that entity's auditors see it.
		assertThat(mongo.find(query(where("path").is(path)), Document.class, "audit"))
			.extracting(d -> d.getString("actor") + " " + d.getString("entity") + " " + d.getInteger("status") + " "
					+ d.getString("outcome"))
			.containsExactly("oiv cciaa-esempio 401 REFUSED");
	}

	@Test
	void anOversizedJsonBodyIsRefusedBeforeItIsRead() {
		var huge = "{\"results\": [], \"padding\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

		var response = mvc.post().uri("/api/results/batch").contentType(MediaType.APPLICATION_JSON).content(huge)
			.exchange();

		assertThat(response).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("too-large");
	}

	@Test
	void aCsvUploadHasItsOwnLargerLimit() {
		var threeMegabytes = "piano;valore\n" + "x".repeat(3 * 1024 * 1024);
		var moreThanFiveMegabytes = "piano;valore\n" + "x".repeat(5 * 1024 * 1024);

		// above the JSON limit, within the upload limit: read, and refused for its content (columns missing)
		assertThat(mvc.post().uri("/api/results/csv").contentType("text/csv").content(threeMegabytes))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("csv-header");
		assertThat(mvc.post().uri("/api/results/csv").contentType("text/csv").content(moreThanFiveMegabytes))
			.hasStatus(HttpStatus.PAYLOAD_TOO_LARGE);
	}

	private static Arguments row(String user, HttpMethod method, String path, String body, int status) {
		return Arguments.of(user, method, path, body, status);
	}
}
