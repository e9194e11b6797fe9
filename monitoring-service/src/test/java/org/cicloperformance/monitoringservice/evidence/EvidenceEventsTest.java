package org.cicloperformance.monitoringservice.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.result.ResultDocument;
import org.cicloperformance.monitoringservice.result.ResultStore;
import org.cicloperformance.monitoringservice.support.Contracts;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** An upload reaches {@code result-events} on the in-process broker, after its result and following the contract. */
class EvidenceEventsTest extends IntegrationTestBase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	ResultStore results;

	@Test
	void anUploadIsPublishedAsEvidenceAttachedAfterItsResult() throws Exception {
		String planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		assertThat(mvc.post().uri("/api/results").contentType(MediaType.APPLICATION_JSON).content("""
				{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"2018-06-30","value":{"number":500}}"""
			.formatted(planId))).hasStatus(HttpStatus.CREATED);
		byte[] csv = "pratica;esito\n1;evasa\n".getBytes(StandardCharsets.UTF_8);
		var upload = mvc.post().uri("/api/results/" + planId + "/1.1.1/1/2018-06-30/evidence").multipart()
			.file(new MockMultipartFile("file", "estrazione.csv", "text/csv", csv))
			.param("description", "Estrazione dal gestionale").exchange();
		assertThat(upload).hasStatus(HttpStatus.CREATED);
		String evidenceId = JsonPath.read(upload.getResponse().getContentAsString(), "$.evidenceId");

		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
			.consumer(TestInfrastructure.broker().getBrokersAsString(), "result-events")) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key())).forEach(mine::add);
				assertThat(mine).hasSize(2);
			});
		}

		assertThat(mine).extracting(r -> new String(r.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
			.allMatch(h -> !h.isBlank())
			.satisfies(headers -> {
				assertThat(headers.get(0)).contains("ResultRecorded");
				assertThat(headers.get(1)).contains("EvidenceAttached");
			});
		String event = mine.get(1).value();
		assertThat(Contracts.validateResultEvent(event)).isEmpty();
		assertThat((String) JsonPath.read(event, "$.type")).isEqualTo("EvidenceAttached");
		assertThat((String) JsonPath.read(event, "$.evidenceId")).isEqualTo(evidenceId);
		assertThat((String) JsonPath.read(event, "$.entity")).isEqualTo("cciaa-esempio");
		assertThat((Integer) JsonPath.read(event, "$.resultVersion")).isEqualTo(1);
		assertThat((String) JsonPath.read(event, "$.fileName")).isEqualTo("estrazione.csv");
		assertThat((String) JsonPath.read(event, "$.contentType")).isEqualTo("text/csv");
		assertThat((Integer) JsonPath.read(event, "$.size")).isEqualTo(csv.length);
		assertThat((String) JsonPath.read(event, "$.sha256")).isEqualTo(AttachingEvidence.sha256(csv));
		assertThat((String) JsonPath.read(event, "$.description")).isEqualTo("Estrazione dal gestionale");
		assertThat((String) JsonPath.read(event, "$.uploadedBy")).isEqualTo("ufficio-anagrafe");
		// the relay never rewrites the document: the result's event and the attachment's stay there
		assertThat(results.find(ResultDocument.idOf(planId, "1.1.1", "1", "2018-06-30")).orElseThrow().outbox())
				.extracting(OutboxEntry::eventType).containsExactly("ResultRecorded", "EvidenceAttached");
	}
}
