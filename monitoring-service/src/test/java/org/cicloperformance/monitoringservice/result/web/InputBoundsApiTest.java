package org.cicloperformance.monitoringservice.result.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Bounds on every input (issue 14): each refusal is a 422 naming the field, in Italian, and stores nothing; a value
 * at the bound is accepted. Numbers out of bounds are refused before any arithmetic.
 */
class InputBoundsApiTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	String planId;

	@BeforeEach
	void knowTheSamplePlan() {
		planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
	}

	String item(String objective, String indicator, String value, String commentary) {
		return """
				{"planId":"%s","objective":"%s","indicator":"%s","checkpoint":"2018-06-30","value":%s,"commentary":%s}"""
				.formatted(planId, objective, indicator, value, commentary);
	}

	ResultActions post1(String json) throws Exception {
		return mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	void nothingStored() throws Exception {
		mvc.perform(get("/api/results").param("planId", planId)).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(0)));
	}

	@ParameterizedTest(name = "{0} on {1}/{2}")
	@CsvSource(delimiter = '|', value = {
			"1e1000000 | 1.1.1 | 4 | number-too-large",
			"-1e1000000 | 1.1.1 | 4 | number-too-large",
			"1e1000000 | 1.1.1 | 3 | number-too-large",
			"1000000000000.5 | 1.1.1 | 4 | number-too-large",
			"1e-1000000 | 1.1.1 | 4 | number-too-precise",
			"0.1234567 | 1.1.1 | 4 | number-too-precise",
	})
	void refusesANumberOutOfBoundsBeforeAnyArithmetic(String number, String objective, String indicator, String code)
			throws Exception {
		post1(item(objective, indicator, "{\"number\": " + number + "}", "null"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].pointer").value("/value/number"))
				.andExpect(jsonPath("$.errors[0].code").value(code))
				.andExpect(jsonPath("$.errors", hasSize(1)));
		nothingStored();
	}

	@Test
	void refusesAComponentOutOfBoundsByItsPointer() throws Exception {
		post1(item("1.1.1", "2", "{\"components\": {\"posizioni\": 1e1000000, \"riunioni\": 3}}", "null"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].pointer").value("/value/components/posizioni"))
				.andExpect(jsonPath("$.errors[0].code").value("number-too-large"));
		nothingStored();
	}

	@Test
	void acceptsNumbersAtTheBounds() throws Exception {
		post1(item("1.1.1", "4", "{\"number\": 1000000000000}", "null")).andExpect(status().isCreated());
		post1(item("1.1.1", "4", "{\"number\": -999999999999.123456}", "null")).andExpect(status().isCreated());
	}

	@Test
	void refusesACommentaryLongerThanTwentyThousandCharactersAndAcceptsOneAtTheLimit() throws Exception {
		post1(item("1.1.1", "1", "{\"number\": 508}", "\"" + "a".repeat(20_001) + "\""))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].pointer").value("/commentary"))
				.andExpect(jsonPath("$.errors[0].code").value("text-too-long"))
				.andExpect(jsonPath("$.errors[0].message").value("Il testo supera 20.000 caratteri."));
		nothingStored();
		post1(item("1.1.1", "1", "{\"number\": 508}", "\"" + "a".repeat(20_000) + "\"")).andExpect(status().isCreated());
	}

	@Test
	void refusesControlCharactersButTabsAndLineBreaks() throws Exception {
		post1(item("1.1.2", "3", "{\"assessment\": 80, \"justification\": \"ok\\u0001\"}", "null"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].pointer").value("/value/justification"))
				.andExpect(jsonPath("$.errors[0].code").value("control-character"));
		post1(item("1.1.1", "1", "{\"number\": 508}", "\"riga\\u0000\"")).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].pointer").value("/commentary"));
		nothingStored();
		post1(item("1.1.1", "1", "{\"number\": 508}", "\"prima\\triga\\r\\nseconda\"")).andExpect(status().isCreated());
	}

	@Test
	void refusesABatchOfMoreThanAThousandResultsWhole() throws Exception {
		String items = IntStream.range(0, 1001).mapToObj(i -> item("1.1.1", "1", "{\"number\": " + i + "}", "null"))
				.collect(Collectors.joining(","));
		mvc.perform(post("/api/results/batch").contentType(MediaType.APPLICATION_JSON)
				.content("{\"results\":[" + items + "]}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].pointer").value("/results"))
				.andExpect(jsonPath("$.errors[0].code").value("batch-too-large"));
		nothingStored();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"a field of another type | {\"planId\": {\"x\": 1}} | /planId",
			"not JSON | {\"planId\": | ''",
			"a number longer than the parser accepts | {\"value\": {\"number\": 1${digits}}} | ''",
			"an unknown enum | {\"planId\": [1, 2]} | /planId",
	})
	void answersUnreadableBodiesWithoutParserMessagesOrClassNames(String what, String body, String pointer)
			throws Exception {
		String json = body.replace("${digits}", "0".repeat(100));
		String answer = post1(json).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].code").value("malformed"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		if (!pointer.isEmpty()) {
			assertThat(answer).contains("\"pointer\":\"" + pointer + "\"");
		}
		assertThat(answer).doesNotContain("org.", "tools.jackson", "Exception", "java.", "Unexpected", "line:");
	}

	@Test
	void refusesACsvOfMoreThanAThousandLinesNamingTheFirstOneTooMany() throws Exception {
		StringBuilder csv = new StringBuilder("piano;obiettivo;indicatore;checkpoint;valore\r\n");
		for (int i = 0; i < 1001; i++) {
			csv.append(planId).append(";1.1.1;1;30/06/2018;").append(i).append("\r\n");
		}
		mvc.perform(post("/api/results/csv").contentType("text/csv").content(csv.toString()))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].code").value("csv-too-many-rows"))
				.andExpect(jsonPath("$.errors[0].line").value(1002));
		nothingStored();
	}

	@Test
	void refusesCsvCellsOutOfBoundsByLineAndColumn() throws Exception {
		String csv = String.join("\r\n", "piano;obiettivo;indicatore;checkpoint;valore;commento",
				planId + ";1.1.1;1;30/06/2018;508;ok",
				planId + ";1.1.1;4;30/06/2018;" + "9".repeat(60) + ";ok",
				planId + ";1.1.1;1;30/06/2018;508;\"riga\u0007\"",
				planId + ";1.1.1;4;30/06/2018;1,1234567;ok");
		mvc.perform(post("/api/results/csv").contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors", hasSize(3)))
				.andExpect(jsonPath("$.errors[0].line").value(3))
				.andExpect(jsonPath("$.errors[0].column").value("valore"))
				.andExpect(jsonPath("$.errors[0].code").value("number-too-large"))
				.andExpect(jsonPath("$.errors[1].line").value(4))
				.andExpect(jsonPath("$.errors[1].column").value("commento"))
				.andExpect(jsonPath("$.errors[1].code").value("control-character"))
				.andExpect(jsonPath("$.errors[2].line").value(5))
				.andExpect(jsonPath("$.errors[2].code").value("number-too-precise"));
		nothingStored();
	}
}
