package org.cicloperformance.monitoringservice.checkpoint;

import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An interim period's results follow the checkpoint whose span holds the period: once the OIV reviews it, a result
 * at 31/3 is locked like one at 30/6, so the figures a forecast was reviewed on cannot move behind the review.
 */
class InterimResultsLockTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Test
	void anInterimResultIsRefusedOnceItsCheckpointIsUnderReview() throws Exception {
		CheckpointSteps s = new CheckpointSteps(mvc, plans);
		mvc.perform(put("/api/calendars").param("planId", s.planId).param("checkpoint", CheckpointSteps.CHECKPOINT)
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"opensOn":"2018-07-01","closesOn":"2018-07-31","interimPeriods":[
						 {"date":"2018-03-31","indicators":[{"objective":"1.1.1","indicator":"1"}]}]}"""))
				.andExpect(status().isOk());
		s.recordAll().andExpect(status().isCreated());
		interim(s.planId, "300", null).andExpect(status().isCreated()).andExpect(jsonPath("$.interim").value(true));

		s.submit("dirigente", "Risultati in linea").andExpect(status().isOk());
		s.submit("dirigente-bianchi", "Nessuna criticità").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));

		interim(s.planId, "310", "rettifica dopo l'invio").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].pointer").value("/checkpoint"))
			.andExpect(jsonPath("$.errors[0].code").value("checkpoint-under-review"));
	}

	private ResultActions interim(String planId, String value, String reason) throws Exception {
		String json = """
				{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"2018-03-31",
				 "value":{"number":%s}%s}""".formatted(planId, value,
				reason == null ? "" : ",\"reason\":\"" + reason + "\"");
		return mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).content(json));
	}
}
