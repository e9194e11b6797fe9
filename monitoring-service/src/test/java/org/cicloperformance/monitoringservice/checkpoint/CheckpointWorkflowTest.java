package org.cicloperformance.monitoringservice.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.result.ResultDocument;
import org.cicloperformance.monitoringservice.result.ResultStore;
import org.cicloperformance.monitoringservice.support.Contracts;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class CheckpointWorkflowTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	ResultStore results;

	@Autowired
	CheckpointStore checkpoints;

	@Test
	void aCheckpointGoesFromOpenToClosedAndIsReopenedWithEveryTransitionOnKafka() throws Exception {
		CheckpointSteps s = new CheckpointSteps(mvc, plans);
		s.recordAll().andExpect(status().isCreated());
		s.view("oiv").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.managersDue").value(org.hamcrest.Matchers.contains("bianchi", "rossi")))
			.andExpect(jsonPath("$.indicators.length()").value(5))
			.andExpect(jsonPath("$.indicators[0].resultVersion").value(1));
		assertThat(checkpoints.find(s.planId, CheckpointSteps.CHECKPOINT)).isEmpty();

		// each manager submits: the last one makes it SUBMITTED
		s.submit("dirigente", "Risultati in linea; criticità sulle riunioni").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.managersPending").value(org.hamcrest.Matchers.contains("bianchi")));
		s.submit("dirigente-bianchi", "Nessuna criticità").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.managersPending").isEmpty())
			.andExpect(jsonPath("$.submissions[0].proposals[0]").value("prop-1"));

		s.call("oiv", "/review", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNDER_REVIEW"));

		s.verdict("1.1.1", "1", "VALIDATED", "null", null).andExpect(status().isOk());
		s.verdict("1.1.1", "2", "ADJUSTED", "0.45", "Riunioni documentate: 3 su 6").andExpect(status().isOk());
		s.verdict("1.1.1", "3", "REJECTED", "null", "Manca l'estrazione dal registro").andExpect(status().isOk());
		s.verdict("1.1.2", "1", "VALIDATED", "null", null).andExpect(status().isOk());
		s.verdict("1.1.2", "2", "VALIDATED", "null", null).andExpect(status().isOk());

		// a rejected indicator blocks the closing, and is named
		s.call("oiv", "/closing", null).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].code").value("verdict-rejected"))
			.andExpect(jsonPath("$.errors[0].pointer").value("/indicators/1.1.1/3"));

		// the office corrects the rejected one (version 2) and may not touch the others
		s.record("1.1.1", "3", "{\"number\":80.10}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(2));
		s.record("1.1.1", "1", "{\"number\":700}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].code").value("checkpoint-under-review"));
		s.call("oiv", "/closing", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].code").value("verdict-outdated"));
		s.view("oiv").andExpect(jsonPath("$.indicators[2].resultVersion").value(2))
			.andExpect(jsonPath("$.indicators[2].verdictCounts").value(false));
		s.verdict("1.1.1", "3", "VALIDATED", "null", null).andExpect(status().isOk());

		s.call("oiv", "/closing", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.closing").value(1));

		// frozen: nothing stored
		s.record("1.1.1", "1", "{\"number\":700}").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].code").value("checkpoint-closed"));
		assertThat(results.find(ResultDocument.idOf(s.planId, "1.1.1", "1", CheckpointSteps.CHECKPOINT))
			.orElseThrow().currentVersion()).isEqualTo(1);

		s.call("pianificatore", "/reopening", "{\"reason\":\"Errore materiale segnalato dall'ufficio\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
			.andExpect(jsonPath("$.history[-1].reason").value("Errore materiale segnalato dall'ufficio"))
			.andExpect(jsonPath("$.history[-1].by").value("pianificatore"));
		s.call("oiv", "/closing", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.closing").value(2));

		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
				.consumer(TestInfrastructure.broker().getBrokersAsString(), "checkpoint-events")) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> s.planId.equals(r.key())).forEach(mine::add);
				assertThat(mine).hasSize(12);
			});
		}
		assertThat(mine).extracting(r -> (String) JsonPath.read(r.value(), "$.type")).containsExactly(
				"CheckpointSubmitted", "CheckpointSubmitted", "CheckpointReviewStarted", "VerdictRecorded",
				"VerdictRecorded", "VerdictRecorded", "VerdictRecorded", "VerdictRecorded", "VerdictRecorded",
				"CheckpointClosed", "CheckpointReopened", "CheckpointClosed");
		for (ConsumerRecord<String, String> event : mine) {
			assertThat(Contracts.validateCheckpointEvent(event.value())).as(event.value()).isEmpty();
			assertThat(new String(event.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
				.contains((String) JsonPath.read(event.value(), "$.type"));
		}
		String closed = mine.get(9).value();
		assertThat((Integer) JsonPath.read(closed, "$.closing")).isEqualTo(1);
		assertThat((String) JsonPath.read(closed, "$.causedBy")).isEqualTo("oiv");
		List<Map<String, Object>> verdicts = JsonPath.read(closed, "$.verdicts");
		assertThat(verdicts).extracting(v -> v.get("objective") + "/" + v.get("indicator") + "@" + v.get("resultVersion")
				+ ":" + v.get("verdict"))
			.containsExactly("1.1.1/1@1:VALIDATED", "1.1.1/2@1:ADJUSTED", "1.1.1/3@2:VALIDATED", "1.1.2/1@1:VALIDATED",
					"1.1.2/2@1:VALIDATED");
		assertThat(verdicts.get(1).get("adjustedAchievement").toString()).isEqualTo("0.45");
		assertThat(verdicts.get(1).get("reason")).isEqualTo("Riunioni documentate: 3 su 6");
		assertThat((String) JsonPath.read(mine.get(10).value(), "$.reason"))
			.isEqualTo("Errore materiale segnalato dall'ufficio");
		assertThat((Integer) JsonPath.read(mine.get(11).value(), "$.closing")).isEqualTo(2);
		// the relay never rewrites the document: its events stay there, the durable record
		assertThat(checkpoints.find(s.planId, CheckpointSteps.CHECKPOINT).orElseThrow().outbox()).hasSize(mine.size());
	}
}
