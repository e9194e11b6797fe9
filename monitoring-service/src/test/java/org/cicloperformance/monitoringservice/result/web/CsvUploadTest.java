package org.cicloperformance.monitoringservice.result.web;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

class CsvUploadTest extends IntegrationTestBase {

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

	String csv(String... lines) {
		return String.join("\r\n", lines).replace("PIANO", planId);
	}

	static final String HEADER = "piano;obiettivo;indicatore;checkpoint;valore;commento;evidenze;referente;motivo";

	@Test
	void readsItalianFormatsFromASemicolonFileWithBom() throws Exception {
		byte[] body = ("\uFEFF" + csv(HEADER,
				"PIANO;1.1.1;1;30/06/2018;2.260;Posizioni risolte;estrazione.xlsx|relazione.pdf;ufficio-ri;",
				"PIANO;1.1.1;2;2018-06-30;posizioni=2.799|riunioni=3;\"Esame 2.799 posizioni; 3 riunioni\";verbali;ufficio-ri;",
				"PIANO;1.1.1;3;30/06/2018;82,70%;;;ufficio-ri;",
				"PIANO;1.1.1;4;30/06/2018;1.234,5;;;ufficio-ri;",
				"PIANO;1.1.2;1;30/06/2018;M1=02/04/2018;;;ufficio-ri;",
				"PIANO;1.1.2;2;30/06/2018;SI;;;ufficio-ri;",
				"PIANO;1.1.2;3;30/06/2018;80|Progetto redatto;;;ufficio-ri;")).getBytes(StandardCharsets.UTF_8);
		mvc.perform(post("/api/results/csv").contentType("text/csv").content(body))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.results", hasSize(7)))
				.andExpect(jsonPath("$.results[0].value.number").value(2260))
				.andExpect(jsonPath("$.results[0].deviation.number").value(1760))
				.andExpect(jsonPath("$.results[0].evidence", hasSize(2)))
				.andExpect(jsonPath("$.results[1].value.components.posizioni").value(2799))
				.andExpect(jsonPath("$.results[1].commentary").value("Esame 2.799 posizioni; 3 riunioni"))
				.andExpect(jsonPath("$.results[2].deviation.number").value(7.70))
				.andExpect(jsonPath("$.results[2].value.text").value("82,70%"))
				.andExpect(jsonPath("$.results[3].value.number").value(1234.5))
				.andExpect(jsonPath("$.results[4].value.delivered[0].date").value("2018-04-02"))
				.andExpect(jsonPath("$.results[5].value.yes").value(true))
				.andExpect(jsonPath("$.results[6].value.justification").value("Progetto redatto"));
	}

	@Test
	void readsACommaSeparatedMultipartUploadWithoutBom() throws Exception {
		String text = csv("piano,obiettivo,indicatore,checkpoint,valore,referente",
				"PIANO,1.1.1,3,30/06/2018,\"82,70%\",ufficio-ri",
				"PIANO,1.1.2,2,30/06/2018,no,ufficio-ri");
		mvc.perform(multipart("/api/results/csv")
				.file(new MockMultipartFile("file", "risultati.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.results", hasSize(2)))
				.andExpect(jsonPath("$.results[0].value.number").value(82.70))
				.andExpect(jsonPath("$.results[1].value.yes").value(false));
	}

	@Test
	void reportsEveryBadLineWithItsNumberAndStoresNothing() throws Exception {
		String text = csv(HEADER,
				"PIANO;1.1.1;1;30/06/2018;500;;;ufficio-ri;",
				"PIANO;1.1.1;3;30/06/2018;82.70%;;;ufficio-ri;",
				"PIANO;1.1.2;2;30/06/2018;forse;;;ufficio-ri;",
				"PIANO;1.1.2;1;30/06/2018;M1=31/02/2018;;;ufficio-ri;",
				"PIANO;1.1.1;1;30/06/2018;-3;;;ufficio-ri;",
				"PIANO;1.1.2;3;30/06/2018;80;;;ufficio-ri;",
				"PIANO;9.9.9;1;30/06/2018;1;;;ufficio-ri;",
				"PIANO;1.1.1;3;30/06/2018;120%;;;;");
		mvc.perform(post("/api/results/csv").contentType("text/csv").content(text))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors", hasSize(7)))
				.andExpect(jsonPath("$.errors[0].line").value(3))
				.andExpect(jsonPath("$.errors[0].column").value("valore"))
				.andExpect(jsonPath("$.errors[0].code").value("csv-not-a-number"))
				.andExpect(jsonPath("$.errors[1].line").value(4))
				.andExpect(jsonPath("$.errors[1].code").value("csv-not-yes-no"))
				.andExpect(jsonPath("$.errors[2].line").value(5))
				.andExpect(jsonPath("$.errors[2].code").value("not-a-date"))
				.andExpect(jsonPath("$.errors[3].line").value(6))
				.andExpect(jsonPath("$.errors[3].code").value("negative-count"))
				.andExpect(jsonPath("$.errors[4].line").value(7))
				.andExpect(jsonPath("$.errors[4].code").value("justification-required"))
				.andExpect(jsonPath("$.errors[5].line").value(8))
				.andExpect(jsonPath("$.errors[5].column").value("obiettivo"))
				// line 9 has no referente: no error, the authenticated user is the one reporting
				.andExpect(jsonPath("$.errors[6].line").value(9))
				.andExpect(jsonPath("$.errors[6].code").value("percentage-out-of-range"));
		mvc.perform(get("/api/results").param("planId", planId)).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void refusesAFileWithoutTheRequiredColumns() throws Exception {
		mvc.perform(post("/api/results/csv").contentType("text/csv").content("piano;valore\nx;1"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].line").value(1))
				.andExpect(jsonPath("$.errors[0].code").value("csv-header"));
	}

	@Test
	void refusesAFileThatIsNotUtf8() throws Exception {
		byte[] latin1 = csv(HEADER, "PIANO;1.1.1;1;30/06/2018;5;Attività;;ufficio-ri;").getBytes(StandardCharsets.ISO_8859_1);
		mvc.perform(post("/api/results/csv").contentType("text/csv").content(latin1))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].code").value("unreadable-csv"));
	}
}
