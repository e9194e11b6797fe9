package org.cicloperformance.planservice.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.util.List;
import org.cicloperformance.planservice.plan.InvalidPlanException;
import org.cicloperformance.planservice.plan.PlanConflictException;
import org.cicloperformance.planservice.plan.PlanService;
import org.cicloperformance.planservice.plan.Violation;
import java.time.Instant;
import java.util.Set;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanStatus;
import org.cicloperformance.planservice.security.Access;
import org.cicloperformance.planservice.security.Actor;
import org.cicloperformance.planservice.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Web slice: how refusals reach the client, whatever the service decided. */
@WebMvcTest(controllers = PlanController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "org\\.cicloperformance\\.planservice\\.(audit|security)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
class PlanControllerWebTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	Access access;

	@BeforeEach
	void aPlannerOfTheEntity() {
		var planner = new Actor("pianificatore", "ente", Set.of(Role.PLANNER), Set.of(), null);
		given(access.planner()).willReturn(planner);
		given(access.reader()).willReturn(planner);
		given(plans.get(any())).willReturn(new Plan("p-2030", "ente", 2030, PlanStatus.DRAFT, 3, null, List.of(),
				List.of(), Instant.now(), "x", Instant.now(), "x"));
	}

	@Test
	void aStaleWriteWithIfMatchIs412AndWithoutIs409() {
		given(plans.approve(eq("p-2030"), any(), any(), any()))
			.willThrow(new PlanConflictException("stale", true, 3L, 4L));

		var withIfMatch = mvc.post().uri("/api/plans/p-2030/approval").header("If-Match", "\"3\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"number\": \"1\", \"date\": \"2030-01-01\"}").exchange();
		var without = mvc.post().uri("/api/plans/p-2030/approval").contentType(MediaType.APPLICATION_JSON)
			.content("{\"number\": \"1\", \"date\": \"2030-01-01\"}").exchange();

		assertThat(withIfMatch).hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(without).hasStatus(HttpStatus.CONFLICT);
		assertThat(without).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Il piano e' stato modificato da altri (revisione attesa 3, attuale 4): rileggere il piano.");
	}

	@Test
	void violationsAreListedWithPointerCodeAndMessage() {
		given(plans.check(any())).willReturn(List.of(Violation.of("/year", "year.range", 1900)));
		given(plans.create(any(), any())).willThrow(new InvalidPlanException(List.of(
				Violation.of("/managers/0/id", "duplicate", "rossi"), Violation.of("/checkpoints", "checkpoints.empty"))));

		var response = mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON)
			.content("{\"entity\": \"ente\", \"year\": 2030}").exchange();

		assertThat(response).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/managers/0/id");
		assertThat(response).bodyJson().extractingPath("$.errors[0].message").isEqualTo("Codice duplicato: rossi.");
		assertThat(response).bodyJson().extractingPath("$.errors[1].code").isEqualTo("checkpoints.empty");
	}

	@Test
	void aMalformedIfMatchIsRefused() {
		var response = mvc.post().uri("/api/plans/p-2030/approval").header("If-Match", "\"abc\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"number\": \"1\", \"date\": \"2030-01-01\"}").exchange();

		assertThat(response).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[0].pointer")
			.isEqualTo("/headers/If-Match");
	}

	@Test
	void aMissingYearIsNamed() {
		var response = mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON).content("{\"entity\": \"ente\"}")
			.exchange();

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/year");
	}
}
