package org.cicloperformance.planservice.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.planservice.support.AuthenticatedAsPlanner.basic;

import org.cicloperformance.planservice.plan.web.PlanRequests;
import org.cicloperformance.planservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A manager proposes new expected values; a planner approves (a new version) or rejects (on record). */
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest
@AutoConfigureMockMvc
class ProposalIntegrationTest {

	static final String PROPOSAL = """
			{"checkpoint": "2018-06-30", "reason": "Risultati del primo semestre superiori al previsto",
			 "changes": [{"objective": "1.1.1", "indicator": "1", "forecastAtCheckpoint": "500", "achieved": "2.260",
			   "forecastAtYearEnd": "1.000", "newTarget": {"checkpoint": "2018-12-31", "number": 2900,
			   "text": "Risoluzione di almeno 2.900 posizioni"}, "reason": "Target annuale gia' superato"}]}""";

	static final String APPROVAL = """
			{"act": {"type": "Deliberazione della Giunta camerale", "number": "94", "date": "2030-09-17"}}""";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-proposals");
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void anApprovedProposalBecomesTheNextVersionOnce() {
		var plan = PlanRequests.createAndApprove(mvc, 2060);
		var proposal = propose(plan, "dirigente", PROPOSAL);
		assertThat(proposal).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
		var id = PlanFixtures.JSON.readTree(proposal.getResponse().getContentAsByteArray()).get("id").asString();

		var approved = mvc.post().uri("/api/plans/" + plan + "/proposals/" + id + "/approval")
			.contentType(MediaType.APPLICATION_JSON).content(APPROVAL).exchange();

		assertThat(approved).hasStatusOk().bodyJson().extractingPath("$.resultingVersion").isEqualTo(2);
		assertThat(mvc.get().uri("/api/plans/" + plan + "/versions/2")).bodyJson()
			.extractingPath("$.revision.proposal")
			.isEqualTo(id);
		assertThat(mvc.get().uri("/api/plans/" + plan + "/versions/2")).bodyJson()
			.extractingPath("$.content.strategicAreas[0].strategicObjectives[0].operationalObjectives[0]"
					+ ".indicators[0].targets[1].number")
			.isEqualTo(2900);
		assertThat(mvc.post().uri("/api/plans/" + plan + "/proposals/" + id + "/approval")
			.contentType(MediaType.APPLICATION_JSON).content(APPROVAL)).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri("/api/plans/" + plan)).bodyJson().extractingPath("$.currentVersion").isEqualTo(2);
	}

	@Test
	void aRejectedProposalStaysOnRecordAndChangesNothing() {
		var plan = PlanRequests.createAndApprove(mvc, 2061);
		var id = id(propose(plan, "dirigente", PROPOSAL));

		var rejected = mvc.post().uri("/api/plans/" + plan + "/proposals/" + id + "/rejection")
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Target non sostenibile\"}").exchange();

		assertThat(rejected).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("REJECTED");
		assertThat(mvc.get().uri("/api/plans/" + plan)).bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
		assertThat(mvc.get().uri("/api/plans/" + plan + "/proposals").header(HttpHeaders.AUTHORIZATION, basic("oiv")))
			.bodyJson()
			.extractingPath("$[0].decisionReason")
			.isEqualTo("Target non sostenibile");
	}

	@Test
	void aManagerProposesOnlyForTheirOwnObjectivesAndApprovesNothing() {
		var plan = PlanRequests.createAndApprove(mvc, 2062);

		assertThat(propose(plan, "altro-dirigente", PROPOSAL)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(propose(plan, "ufficio", PROPOSAL)).hasStatus(HttpStatus.FORBIDDEN);
		var id = id(propose(plan, "dirigente", PROPOSAL));
		assertThat(mvc.post().uri("/api/plans/" + plan + "/proposals/" + id + "/approval")
			.header(HttpHeaders.AUTHORIZATION, basic("dirigente")).contentType(MediaType.APPLICATION_JSON)
			.content(APPROVAL)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/plans/" + plan + "/proposals")).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void aProposalThatWouldBreakThePlanIsRefused() {
		var plan = PlanRequests.createAndApprove(mvc, 2063);
		var unknownIndicator = PROPOSAL.replace("\"indicator\": \"1\"", "\"indicator\": \"9\"");

		assertThat(propose(plan, "dirigente", unknownIndicator)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("indicator.unknown");
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult propose(String plan, String user, String body) {
		return mvc.post().uri("/api/plans/" + plan + "/proposals").header(HttpHeaders.AUTHORIZATION, basic(user))
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private static String id(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
		return PlanFixtures.JSON.readTree(result.getResponse().getContentAsByteArray()).get("id").asString();
	}
}
