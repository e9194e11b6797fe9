package org.cicloperformance.monitoringservice.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.cicloperformance.monitoringservice.evidence.EvidenceSettings;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uploads through the real servlet container, whose multipart parser has limits of its own (MockMvc has none): a
 * file as large as the evidence limit goes through, one byte more is refused by the service naming the field, and
 * the form field is read as UTF-8. Its own context and database (so its relay and consumer touch nobody else's),
 * closed afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.cloud.stream.bindings.planEvents-in-0.group=monitoring-service-http-test")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EvidenceOverHttpTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("evidence-http"));
		registry.add("spring.cloud.stream.kafka.binder.brokers", () -> TestInfrastructure.broker().getBrokersAsString());
	}

	@LocalServerPort
	int port;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	EvidenceSettings settings;

	final HttpClient http = HttpClient.newHttpClient();

	String result;

	@BeforeEach
	void aResult() throws Exception {
		String planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		result = "/api/results/" + planId + "/1.1.1/1/2018-06-30";
		var recorded = http.send(request("/api/results").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"2018-06-30","value":{"number":500}}"""
				.formatted(planId))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(recorded.statusCode()).isEqualTo(201);
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", basic("ufficio-anagrafe"));
	}

	HttpResponse<String> upload(byte[] file, String description) throws Exception {
		String boundary = "confine-" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"relazione.pdf\""
				+ "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
				+ description + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(request(result + "/evidence").header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
	}

	static byte[] pdf(long size) {
		byte[] bytes = new byte[(int) size];
		byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(head, 0, bytes, 0, head.length);
		return bytes;
	}

	@Test
	void aFileAsLargeAsTheLimitGoesThroughAndComesBackTheSame() throws Exception {
		byte[] file = pdf(settings.maxFileSize().toBytes());
		file[file.length - 1] = 42;

		var response = upload(file, "Relazione sull'attività svolta");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(response.body(), "$.description")).isEqualTo("Relazione sull'attività svolta");
		String id = JsonPath.read(response.body(), "$.evidenceId");
		var download = http.send(request(result + "/evidence/" + id).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(file);
	}

	@Test
	void oneByteMoreIsRefusedByTheServiceNamingTheField() throws Exception {
		var response = upload(pdf(settings.maxFileSize().toBytes() + 1), "troppo");

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].pointer")).isEqualTo("/file");
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].code")).isEqualTo("evidence-too-large");
	}
}
