package org.cicloperformance.planservice.plan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cicloperformance.planservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Bad input through the real API: refused with 422 and the field's JSON pointer before any arithmetic, nothing
 * stored; unreadable bodies refused with 400 without the parser's words.
 */
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest
@AutoConfigureMockMvc
class InputBoundsIntegrationTest {

	static final String WEIGHT = "/strategicAreas/0/strategicObjectives/0/operationalObjectives/0/indicators/0/weight";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-bounds");
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void aWeightOfOneFollowedByAMillionZerosIsRefusedBeforeAnySumAndNothingIsStored() {
		long start = System.nanoTime();
		var response = post("/api/plans", withIndicatorWeight(2060, "1e1000000"));
		System.out.printf("1e1000000 as a weight refused in %d ms%n", (System.nanoTime() - start) / 1_000_000);

		assertThat(response).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo(WEIGHT);
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("number.tooLarge");
		assertThat(response).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Valore fuori scala: al massimo 1000000000000 in valore assoluto.");
		assertThat(mvc.get().uri("/api/plans/ente-test-2060")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theValidationEndpointReportsTheBoundAndNotASum() {
		var response = post("/api/plans/validation", withIndicatorWeight(2061, "33.3333333"));

		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.violations[0].code").isEqualTo("number.scale");
	}

	@Test
	void aControlCharacterInANameIsRefusedWithItsPointer() {
		var body = PlanRequests.planJson("ente-test", 2062).replaceFirst("\"title\" : \"", "\"title\" : \"\\\\u0001");

		var response = post("/api/plans", body);

		assertThat(response).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("text.control");
		assertThat(mvc.get().uri("/api/plans/ente-test-2062")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anUnreadableBodyNamesTheFieldButNoClass() throws Exception {
		var body = PlanRequests.planJson("ente-test", 2063).replaceFirst("\"strategicAreas\" : \\[", "\"strategicAreas\" : 5, \"x\": [");

		var response = post("/api/plans", body);

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/strategicAreas");
		assertThat(response).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Corpo della richiesta non leggibile in questo punto.");
		assertNoInternalNames(response);
		assertThat(response).bodyJson().extractingPath("$.detail")
			.isEqualTo("Corpo della richiesta non leggibile: non e' un JSON valido per questa operazione.");
	}

	@Test
	void brokenJsonIsLocatedByLineAndColumn() throws Exception {
		var response = post("/api/plans", "{\n  \"entity\": \"ente-test\",\n  \"year\": 20x0\n}");

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(response).bodyJson().extractingPath("$.errors[0].message").asString().startsWith(
				"Corpo della richiesta non leggibile (riga 3, colonna");
		assertNoInternalNames(response);
	}

	@Test
	void theParserRefusesHugeNumbersAndDeepNestingOutright() throws Exception {
		var longNumber = post("/api/plans", "{\"entityValue\": 1" + "0".repeat(500) + "}");
		var deep = post("/api/plans", "{\"ignored\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");

		for (var response : new MvcTestResult[] { longNumber, deep }) {
			assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("unreadable.limits");
			assertNoInternalNames(response);
		}
	}

	private MvcTestResult post(String uri, String body) {
		return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private static String withIndicatorWeight(int year, String weight) {
		var tree = (tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.shared()
			.readTree(PlanRequests.planJson("ente-test", year));
		((tools.jackson.databind.node.ObjectNode) tree.at(WEIGHT.substring(0, WEIGHT.lastIndexOf('/'))))
			.put("weight", "@WEIGHT@");
		return tree.toString().replace("\"@WEIGHT@\"", weight);
	}

	private static void assertNoInternalNames(MvcTestResult response) throws Exception {
		var body = response.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("org.cicloperformance", "tools.jackson", "com.fasterxml", "java.", "Exception");
	}
}
