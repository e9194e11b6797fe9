package org.cicloperformance.monitoringservice.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bson.Document;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Every transition out of order or by the wrong role is refused, as problem+json, and changes nothing. */
class CheckpointRefusalsTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	MongoTemplate mongo;

	CheckpointSteps s;

	@BeforeEach
	void aPlanWithResults() {
		s = new CheckpointSteps(mvc, plans);
	}

	private static void refused(ResultActions actions, int status, String code) throws Exception {
		actions.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].code").value(code));
	}

	private void isIn(String state, int revision) throws Exception {
		s.view("oiv").andExpect(jsonPath("$.status").value(state)).andExpect(jsonPath("$.revision").value(revision));
	}

	@Test
	void closingReviewOrAVerdictWhileOpenIsRefused() throws Exception {
		s.recordAll().andExpect(status().isCreated());
		refused(s.call("oiv", "/closing", null), 409, "checkpoint-state");
		refused(s.call("oiv", "/review", null), 409, "checkpoint-state");
		refused(s.verdict("1.1.1", "1", "VALIDATED", "null", null), 409, "checkpoint-state");
		isIn("OPEN", 0);
	}

	@Test
	void aVerdictOrAClosingWhileSubmittedIsRefused() throws Exception {
		s.submitted();
		isIn("SUBMITTED", 2);
		refused(s.verdict("1.1.1", "1", "VALIDATED", "null", null), 409, "checkpoint-state");
		refused(s.call("oiv", "/closing", null), 409, "checkpoint-state");
		refused(s.call("oiv", "/reopening", "{\"reason\":\"perché sì\"}"), 409, "checkpoint-state");
		refused(s.record("1.1.1", "1", "{\"number\":700}"), 409, "checkpoint-under-review");
		isIn("SUBMITTED", 2);
	}

	@Test
	void onlyTheOivStartsTheReviewAndTheRefusalIsOnRecord() throws Exception {
		s.submitted();
		refused(s.call("dirigente", "/review", null), 403, "forbidden");
		refused(s.call("pianificatore", "/review", null), 403, "forbidden");
		refused(s.call("ufficio-anagrafe", "/review", null), 403, "forbidden");
		isIn("SUBMITTED", 2);
		assertThat(mongo.find(query(where("path").is(s.path("/review")).and("status").is(403)), Document.class,
				"audit")).hasSize(3).allSatisfy(e -> assertThat(e.getString("outcome")).isEqualTo("REFUSED"));
	}

	@Test
	void onlyTheOivRecordsVerdictsAndCloses() throws Exception {
		s.underReview();
		refused(s.call("ufficio-anagrafe", "/verdicts",
				"{\"objective\":\"1.1.1\",\"indicator\":\"1\",\"verdict\":\"VALIDATED\"}"), 403, "forbidden");
		refused(s.call("dirigente", "/verdicts",
				"{\"objective\":\"1.1.1\",\"indicator\":\"1\",\"verdict\":\"VALIDATED\"}"), 403, "forbidden");
		refused(s.call("pianificatore", "/closing", null), 403, "forbidden");
		isIn("UNDER_REVIEW", 3);
	}

	@Test
	void aVerdictNeedsItsReasonAndAnAdjustedAchievementWithinZeroAndOne() throws Exception {
		s.underReview();
		refused(s.verdict("1.1.1", "3", "REJECTED", "null", null), 422, "reason-required");
		refused(s.verdict("1.1.1", "2", "ADJUSTED", "1.2", "troppo"), 422, "achievement-out-of-range");
		refused(s.verdict("1.1.1", "2", "ADJUSTED", "null", "manca il valore"), 422, "required");
		refused(s.verdict("1.1.1", "2", "VALIDATED", "0.5", null), 422, "not-for-verdict");
		refused(s.verdict("1.1.1", "4", "VALIDATED", "null", null), 422, "indicator-not-due");
		isIn("UNDER_REVIEW", 3);
	}

	@Test
	void closingNamesEveryIndicatorStillWithoutAVerdict() throws Exception {
		s.underReview();
		s.verdict("1.1.1", "1", "VALIDATED", "null", null).andExpect(status().isOk());
		s.call("oiv", "/closing", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[0].code").value("verdict-missing"))
			.andExpect(jsonPath("$.errors[0].pointer").value("/indicators/1.1.1/2"));
		isIn("UNDER_REVIEW", 4);
	}

	@Test
	void aManagerSubmitsOnlyForTheirOwnObjectives() throws Exception {
		s.recordAll();
		refused(s.call("dirigente", "/submissions", "{\"manager\":\"bianchi\",\"commentary\":\"per conto suo\"}"),
				403, "manager-forbidden");
		refused(s.submit("dirigente-verdi", "non ho obiettivi"), 403, "manager-not-due");
		refused(s.submit("oiv", "non sono un dirigente"), 403, "forbidden");
		refused(s.call("dirigente", "/submissions", "{\"commentary\":\" \"}"), 422, "required");
		isIn("OPEN", 0);
	}

	@Test
	void reopeningNeedsAReasonAPlannerOrTheOivAndAClosedCheckpoint() throws Exception {
		s.closed();
		isIn("CLOSED", 9);
		refused(s.call("oiv", "/reopening", "{}"), 422, "required");
		refused(s.call("oiv", "/reopening", "{\"reason\":\" \"}"), 422, "required");
		refused(s.call("dirigente", "/reopening", "{\"reason\":\"vorrei correggere\"}"), 403, "forbidden");
		refused(s.call("ufficio-anagrafe", "/reopening", "{\"reason\":\"vorrei correggere\"}"), 403, "forbidden");
		refused(s.submit("dirigente", "di nuovo"), 409, "checkpoint-state");
		refused(s.call("oiv", "/closing", null), 409, "checkpoint-state");
		isIn("CLOSED", 9);
		s.call("oiv", "/reopening", "{\"reason\":\"Ricalcolo richiesto\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
		refused(s.call("oiv", "/reopening", "{\"reason\":\"ancora\"}"), 409, "checkpoint-state");
	}

	@Test
	void aBatchOnAClosedCheckpointIsRefusedWholeAndStoresNothing() throws Exception {
		s.closed();
		refused(s.recordAll(), 409, "checkpoint-closed");
		s.recordAll().andExpect(jsonPath("$.errors.length()").value(5))
			.andExpect(jsonPath("$.errors[4].pointer").value("/results/4/checkpoint"));
		s.view("oiv").andExpect(jsonPath("$.indicators[*].resultVersion").value(
				org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(1))));
	}

	@Test
	void anotherEntitysCheckpointIsNotFound() throws Exception {
		refused(s.view("altro-ente"), 404, "plan-unknown");
		refused(s.call("altro-ente", "/reopening", "{\"reason\":\"curiosità\"}"), 404, "plan-unknown");
		s.view("personale").andExpect(status().isForbidden());
	}

	@Test
	void aSubmissionOrVerdictOutOfBoundsIsRefusedBeforeAnyArithmeticAndChangesNothing() throws Exception {
		s.recordAll().andExpect(status().isCreated());
		refused(s.submit("dirigente", "Risultati\\u0001"), 422, "control-character");
		refused(s.call("dirigente", "/submissions", "{\"commentary\":\"" + "x".repeat(20_001) + "\"}"), 422,
				"text-too-long");
		isIn("OPEN", 0);
		s.submit("dirigente", "Risultati in linea con il piano");
		s.submit("dirigente-bianchi", "Nessuna criticità");
		s.call("oiv", "/review", null);
		isIn("UNDER_REVIEW", 3);
		refused(s.verdict("1.1.1", "1", "ADJUSTED", "1e1000000", "rettifica"), 422, "number-too-large");
		refused(s.verdict("1.1.1", "1", "ADJUSTED", "0.12345678", "rettifica"), 422, "number-too-precise");
		isIn("UNDER_REVIEW", 3);
	}
}
