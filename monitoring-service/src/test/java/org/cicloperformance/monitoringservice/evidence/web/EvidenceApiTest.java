package org.cicloperformance.monitoringservice.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.MultipartConfigElement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.cicloperformance.monitoringservice.evidence.EvidenceSettings;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The evidence API on the shared context, as the golden sample plan's area office (area ANA) unless a test says
 * otherwise: each test has its own plan with one result (1.1.1/1 at 30/6).
 */
class EvidenceApiTest extends IntegrationTestBase {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EvidenceSettings settings;

	String planId;

	String result;

	@BeforeEach
	void aResultToAttachTo() {
		planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		result = "/api/results/" + planId + "/1.1.1/1/2018-06-30";
		assertThat(record(500)).hasStatus(HttpStatus.CREATED);
	}

	MvcTestResult record(int number) {
		return mvc.post().uri("/api/results").contentType(MediaType.APPLICATION_JSON).content("""
				{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"2018-06-30","value":{"number":%d}}"""
			.formatted(planId, number)).exchange();
	}

	MvcTestResult upload(String user, MockMultipartFile file) {
		return mvc.post().uri(result + "/evidence").header(HttpHeaders.AUTHORIZATION, basic(user)).multipart()
			.file(file).exchange();
	}

	MvcTestResult upload(MockMultipartFile file) {
		return upload("ufficio-anagrafe", file);
	}

	static MockMultipartFile pdf(String name, byte[] bytes) {
		return new MockMultipartFile("file", name, "application/pdf", bytes);
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	@Test
	void attachesAFileToItsResultAndListsIt() throws Exception {
		var response = mvc.post().uri(result + "/evidence").multipart()
			.file(pdf("verbali.pdf", PDF)).param("description", "Verbali delle riunioni").exchange();

		assertThat(response).hasStatus(HttpStatus.CREATED);
		var body = assertThat(response).bodyJson();
		body.extractingPath("$.fileName").isEqualTo("verbali.pdf");
		body.extractingPath("$.contentType").isEqualTo("application/pdf");
		body.extractingPath("$.size").isEqualTo(PDF.length);
		body.extractingPath("$.sha256").isEqualTo(sha256(PDF));
		body.extractingPath("$.description").isEqualTo("Verbali delle riunioni");
		body.extractingPath("$.uploadedBy").isEqualTo("ufficio-anagrafe");
		body.extractingPath("$.resultVersion").isEqualTo(1);
		String id = JsonPath.read(response.getResponse().getContentAsString(), "$.evidenceId");
		assertThat(response).headers().hasValue(HttpHeaders.LOCATION, result + "/evidence/" + id);

		assertThat(mvc.get().uri(result + "/evidence")).bodyJson().extractingPath("$[*].evidenceId").asArray()
			.containsExactly(id);
		assertThat(mvc.get().uri(result + "/versions/1")).bodyJson().extractingPath("$.evidenceFiles[0].evidenceId")
			.isEqualTo(id);
		assertThat(mvc.get().uri("/api/results").param("planId", planId)).bodyJson()
			.extractingPath("$[0].evidenceFiles[0].fileName").isEqualTo("verbali.pdf");
	}

	@Test
	void downloadsTheSameBytesWithHeadersThatKeepBrowsersSafe() throws Exception {
		byte[] png = new byte[2048];
		new Random(7).nextBytes(png);
		System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 0, png, 0, 8);
		var created = upload(new MockMultipartFile("file", "C:\\Documenti\\Attività 30-6.png", "image/png", png));
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.evidenceId");

		var download = mvc.get().uri(result + "/evidence/" + id).header(HttpHeaders.AUTHORIZATION, basic("oiv"))
			.exchange();

		assertThat(download).hasStatusOk().hasContentType("image/png");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(png);
		assertThat(download).headers()
			.hasValue(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"Attivit_ 30-6.png\"; filename*=UTF-8''Attivit%C3%A0%2030-6.png")
			.hasValue(HttpHeaders.ETAG, "\"" + sha256(png) + "\"")
			.hasValue("Content-Security-Policy", "default-src 'none'; sandbox");
		assertThat(download.getResponse().getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(mvc.get().uri(result + "/evidence/" + id).header(HttpHeaders.IF_NONE_MATCH, "\"" + sha256(png) + "\""))
			.hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void theSameBytesAgainAnswerTheAttachmentAlreadyThereAndAnotherFileIsANewOne() throws Exception {
		var first = upload(pdf("verbali.pdf", PDF));
		var again = upload(pdf("verbali (copia).pdf", PDF));
		byte[] other = Arrays.copyOf(PDF, PDF.length + 1);
		var another = upload(pdf("verbali.pdf", other));

		assertThat(first).hasStatus(HttpStatus.CREATED);
		assertThat(again).hasStatus(HttpStatus.OK);
		assertThat(another).hasStatus(HttpStatus.CREATED);
		String firstId = JsonPath.read(first.getResponse().getContentAsString(), "$.evidenceId");
		assertThat(again).bodyJson().extractingPath("$.evidenceId").isEqualTo(firstId);
		assertThat(again).bodyJson().extractingPath("$.fileName").isEqualTo("verbali.pdf");
		assertThat(mvc.get().uri(result + "/evidence")).bodyJson().extractingPath("$[*].sha256").asArray()
			.containsExactly(sha256(PDF), sha256(other));
	}

	@Test
	void aFileAboveTheLimitIsRefusedNamingTheField() {
		byte[] big = new byte[(int) settings.maxFileSize().toBytes() + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);

		var response = upload(pdf("grande.pdf", big));

		assertThat(response).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/file");
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("evidence-too-large");
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("10 MB");
		assertThat(mvc.get().uri(result + "/evidence")).bodyJson().extractingPath("$").asArray().isEmpty();
	}

	@Test
	void aFileOfTheLimitExactlyIsAccepted() {
		byte[] limit = new byte[(int) settings.maxFileSize().toBytes()];
		System.arraycopy(PDF, 0, limit, 0, PDF.length);

		assertThat(upload(pdf("al-limite.pdf", limit))).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void anUploadRequestAboveTheLimitIsRefusedBeforeItIsRead() {
		byte[] body = new byte[(int) settings.maxRequestSize().toBytes() + 1];

		var response = mvc.post().uri(result + "/evidence")
			.contentType("multipart/form-data; boundary=confine").content(body).exchange();

		assertThat(response).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("too-large");
	}

	@Test
	void theServletAcceptsMultipartUploadsAsLargeAsTheEvidenceLimit(@Autowired MultipartConfigElement multipart) {
		assertThat(multipart.getMaxFileSize()).isGreaterThanOrEqualTo(settings.maxRequestSize().toBytes());
		assertThat(multipart.getMaxRequestSize()).isGreaterThanOrEqualTo(settings.maxRequestSize().toBytes());
	}

	@Test
	void aTypeNotAcceptedIsRefusedNamingTheField() {
		var response = upload(new MockMultipartFile("file", "pagina.html", "text/html",
				"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));

		assertThat(response).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/file");
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("evidence-type-unsupported");
	}

	@Test
	void aFileSentWithoutItsTypeIsTakenForTheTypeOfItsExtension() {
		byte[] docx = { 'P', 'K', 3, 4, 20, 0, 6, 0 };

		var response = upload(new MockMultipartFile("file", "verbale.docx", "application/octet-stream", docx));

		assertThat(response).hasStatus(HttpStatus.CREATED);
		assertThat(response).bodyJson().extractingPath("$.contentType")
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	@Test
	void aFileThatIsNotWhatItDeclaresIsRefused() {
		var response = upload(pdf("finto.pdf", "<html>non un PDF</html>".getBytes(StandardCharsets.UTF_8)));

		assertThat(response).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("evidence-content-mismatch");
	}

	@Test
	void anEmptyFileIsRefused() {
		var response = upload(pdf("vuoto.pdf", new byte[0]));

		assertThat(response).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/file");
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("evidence-empty");
	}

	@Test
	void aClosedCheckpointRefusesEvidenceAsItRefusesResults() {
		mongo.getCollection("checkpoints").insertOne(new Document("_id", planId + "|2018-06-30")
			.append("planId", planId).append("entity", "cciaa-esempio").append("checkpoint", "2018-06-30")
			.append("status", "CLOSED").append("revision", 5).append("closing", 1));

		var response = upload(pdf("tardivo.pdf", PDF));

		assertThat(response).hasStatus(HttpStatus.CONFLICT);
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("checkpoint-closed");
		assertThat(record(510)).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri(result + "/evidence")).bodyJson().extractingPath("$").asArray().isEmpty();
	}

	@Test
	void anAreaOfficeOfAnotherAreaIsRefused() {
		var response = upload("ufficio-promozione", pdf("verbali.pdf", PDF));

		assertThat(response).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("area-forbidden");
		assertThat(mvc.get().uri(result + "/evidence")).bodyJson().extractingPath("$").asArray().isEmpty();
	}

	@Test
	void thePlanningOfficeMayAttachAndOtherRolesMayNot() {
		assertThat(upload("pianificatore", pdf("piano.pdf", PDF))).hasStatus(HttpStatus.CREATED);
		for (String user : new String[] { "dirigente", "oiv", "lettore", "personale" }) {
			assertThat(upload(user, pdf("altro.pdf", Arrays.copyOf(PDF, PDF.length + 2)))).hasStatus(HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void everyRoleThatReadsResultsReadsTheirEvidenceButHr() throws Exception {
		String id = JsonPath.read(upload(pdf("verbali.pdf", PDF)).getResponse().getContentAsString(),
				"$.evidenceId");

		for (String user : new String[] { "pianificatore", "ufficio-anagrafe", "ufficio-promozione", "dirigente", "oiv",
				"lettore" }) {
			assertThat(mvc.get().uri(result + "/evidence").header(HttpHeaders.AUTHORIZATION, basic(user)))
				.hasStatusOk();
			assertThat(mvc.get().uri(result + "/evidence/" + id).header(HttpHeaders.AUTHORIZATION, basic(user)))
				.hasStatusOk();
		}
		assertThat(mvc.get().uri(result + "/evidence").header(HttpHeaders.AUTHORIZATION, basic("personale")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(result + "/evidence/" + id).header(HttpHeaders.AUTHORIZATION, basic("personale")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void anotherEntityFindsNothing() throws Exception {
		String id = JsonPath.read(upload(pdf("verbali.pdf", PDF)).getResponse().getContentAsString(),
				"$.evidenceId");

		var upload = upload("altro-ente", pdf("intruso.pdf", Arrays.copyOf(PDF, PDF.length + 3)));
		assertThat(upload).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(upload).bodyJson().extractingPath("$.errors[0].code").isEqualTo("result-unknown");
		assertThat(mvc.get().uri(result + "/evidence").header(HttpHeaders.AUTHORIZATION, basic("altro-ente")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(result + "/evidence/" + id).header(HttpHeaders.AUTHORIZATION, basic("altro-ente")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(result + "/evidence")).bodyJson().extractingPath("$").asArray().hasSize(1);
	}

	@Test
	void evidenceNeedsAnExistingResult() {
		var response = mvc.post().uri("/api/results/" + planId + "/1.1.1/2/2018-06-30/evidence").multipart()
			.file(pdf("verbali.pdf", PDF)).exchange();

		assertThat(response).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("result-unknown");
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("1.1.1").contains("2018-06-30");
		assertThat(mvc.get().uri(result + "/evidence/" + UUID.randomUUID())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusalsAreInEnglishWhenAskedFor() {
		var response = mvc.post().uri(result + "/evidence").header(HttpHeaders.ACCEPT_LANGUAGE, "en").multipart()
			.file(pdf("vuoto.pdf", new byte[0])).exchange();

		assertThat(response).bodyJson().extractingPath("$.detail").isEqualTo("The file is empty.");
		assertThat(response).bodyJson().extractingPath("$.title").isEqualTo("Empty file");
	}

	@Test
	void aCorrectionKeepsTheEvidenceAndAnOldVersionShowsOnlyWhatItHad() {
		assertThat(upload(pdf("prima.pdf", PDF))).hasStatus(HttpStatus.CREATED);
		assertThat(record(520)).hasStatus(HttpStatus.CREATED);
		var second = upload(pdf("dopo.pdf", Arrays.copyOf(PDF, PDF.length + 4)));

		assertThat(second).bodyJson().extractingPath("$.resultVersion").isEqualTo(2);
		assertThat(mvc.get().uri(result + "/versions/1")).bodyJson().extractingPath("$.evidenceFiles[*].fileName")
			.asArray().containsExactly("prima.pdf");
		assertThat(mvc.get().uri(result + "/versions/2")).bodyJson().extractingPath("$.evidenceFiles[*].fileName")
			.asArray().containsExactly("prima.pdf", "dopo.pdf");
	}

	@Test
	void anUploadIsOnTheAuditTrailAndCounted() {
		double before = meters.counter("monitoring.evidence.uploaded").count();
		long bytesBefore = meters.summary("monitoring.evidence.bytes").count();

		assertThat(upload(pdf("verbali.pdf", PDF))).hasStatus(HttpStatus.CREATED);

		assertThat(meters.counter("monitoring.evidence.uploaded").count()).isEqualTo(before + 1);
		assertThat(meters.summary("monitoring.evidence.bytes").count()).isEqualTo(bytesBefore + 1);
		assertThat(mvc.get().uri("/api/audit").header(HttpHeaders.AUTHORIZATION, basic("oiv"))).bodyJson()
			.extractingPath("$[?(@.path == '%s/evidence' && @.status == 201)].actor".formatted(result)).asArray()
			.containsExactly("ufficio-anagrafe");
	}
}
