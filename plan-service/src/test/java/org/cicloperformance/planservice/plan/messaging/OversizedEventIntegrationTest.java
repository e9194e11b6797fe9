package org.cicloperformance.planservice.plan.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.OutboxEntry;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanContent;
import org.cicloperformance.planservice.plan.PlanRepository;
import org.cicloperformance.planservice.plan.PlanStatus;
import org.cicloperformance.planservice.plan.PlanVersion;
import org.cicloperformance.planservice.plan.web.PlanRequests;
import org.cicloperformance.planservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.cicloperformance.planservice.support.TopicReader;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Oversized events, with the producer limited to 200,000 bytes: the API refuses a plan whose event would not fit,
 * and an event stored under a larger limit is parked by the relay while the next one is delivered by the real broker.
 */
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest(properties = { "plan.outbox.relay-interval=200ms",
		"spring.cloud.stream.kafka.binder.producer-properties.max.request.size=200000" })
@AutoConfigureMockMvc
class OversizedEventIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-oversized");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlanRepository plans;

	@Autowired
	EventSize eventSize;

	@Autowired
	MeterRegistry meters;

	@Test
	void anApprovalWhoseEventWouldNotFitIsRefusedAndTheDraftStaysAsItWas() {
		assertThat(eventSize.limit()).isEqualTo(200_000 - 16 * 1024);
		var body = planWithLongTexts(2070, 25);
		assertThat(mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON).content(body).exchange())
			.hasStatus(HttpStatus.CREATED);

		var approval = mvc.post().uri("/api/plans/ente-test-2070/approval").contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\": \"Delibera\", \"number\": \"1\", \"date\": \"2070-01-31\"}").exchange();

		assertThat(approval).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(approval).bodyJson().extractingPath("$.type")
			.isEqualTo("https://cicloperformance.org/problems/event-too-large");
		assertThat(approval).bodyJson().extractingPath("$.limit").isEqualTo(200_000 - 16 * 1024);
		var plan = plans.findById("ente-test-2070").orElseThrow();
		assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(plan.versions()).isEmpty();
		assertThat(plan.outbox()).isEmpty();
	}

	@Test
	void anImportWhoseEventWouldNotFitStoresNothing() {
		var body = "{\"plan\": " + planWithLongTexts(2071, 25)
				+ ", \"approvalAct\": {\"type\": \"Delibera\", \"number\": \"1\", \"date\": \"2071-01-31\"}}";

		var response = mvc.post().uri("/api/plans/import").contentType(MediaType.APPLICATION_JSON).content(body)
			.exchange();

		assertThat(response).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(plans.findById("ente-test-2071")).isEmpty();
	}

	@Test
	void aPlanUnderTheLimitIsApproved() {
		assertThat(PlanRequests.createAndApprove(mvc, 2072)).isEqualTo("ente-test-2072");
	}

	@Test
	void anEventTheBrokerRefusesIsParkedAndTheNextOneOfTheSamePlanIsDelivered() {
		double parkedBefore = meters.counter("plan.outbox.parked").count();
		var small = PlanFixtures.samplePlan("ente-test", 2073);
		var huge = small.withStrategicAreas(small.strategicAreas()); // same tree, with a 250 kB title below
		huge = new PlanContent(huge.entity(), huge.entityName(), huge.year(), "x".repeat(250_000), huge.entityValue(),
				huge.checkpoints(), huge.organisationalAreas(), huge.managers(), huge.strategicAreas(),
				huge.scoringPolicy(), huge.signatories());
		var act = new ApprovingAct("Delibera", "1", LocalDate.of(2073, 1, 31));
		var now = Instant.now();
		// stored as if accepted under a larger limit: the API would refuse it today
		plans.insert(new Plan("ente-test-2073", "ente-test", 2073, PlanStatus.APPROVED, 2, null,
				List.of(new PlanVersion(1, huge, List.of("fine"), act, null, now, "pianificatore"),
						new PlanVersion(2, small, List.of("fine"), act, null, now, "pianificatore")),
				List.of(new OutboxEntry("parked-1", OutboxEntry.PLAN_PUBLISHED, 1, now),
						new OutboxEntry("delivered-2", OutboxEntry.PLAN_REVISED, 2, now)),
				now, "pianificatore", now, "pianificatore"));

		try (var events = new TopicReader(InProcessInfrastructure.kafkaBrokers(), "plan-events")) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(events.withKey("ente-test-2073")).hasSize(1));
			var delivered = events.withKey("ente-test-2073").get(0);
			assertThat(delivered.value()).contains("\"eventId\":\"delivered-2\"");
			assertThat(new String(delivered.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
				.isEqualTo("PlanRevised");
			assertThat(delivered.headers().headers("spring_json_header_types")).isEmpty();
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(plans.findById("ente-test-2073").orElseThrow().outbox()).isEmpty());
		assertThat(meters.counter("plan.outbox.parked").count()).isEqualTo(parkedBefore + 1);

		var parked = mvc.get().uri("/api/outbox/parked").exchange();
		assertThat(parked).hasStatusOk();
		assertThat(parked).bodyJson().extractingPath("$[?(@.eventId == 'parked-1')].reason").asArray()
			.containsExactly("event-too-large");
		assertThat(parked).bodyJson().extractingPath("$[?(@.eventId == 'parked-1')].version").asArray()
			.containsExactly(1);
	}

	@Test
	void onlyPlannersSeeParkedEvents() {
		var response = mvc.get().uri("/api/outbox/parked")
			.header(HttpHeaders.AUTHORIZATION, AuthenticatedAsPlanner.basic("lettore")).exchange();

		assertThat(response).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo(403);
	}

	/** The sample plan with {@code count} evidence requirements of 9,000 characters (each within its bound). */
	private static String planWithLongTexts(int year, int count) {
		var tree = (ObjectNode) PlanFixtures.JSON.readTree(PlanRequests.planJson("ente-test", year));
		var evidence = ((ObjectNode) tree.at("/strategicAreas/0/strategicObjectives/0/operationalObjectives/0"))
			.putArray("evidence");
		for (int i = 0; i < count; i++) {
			evidence.addObject().put("indicator", "1").put("description", "d".repeat(9_000));
		}
		return tree.toString();
	}
}
