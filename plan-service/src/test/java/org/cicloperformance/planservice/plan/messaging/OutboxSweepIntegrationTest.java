package org.cicloperformance.planservice.plan.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.OutboxEntry;
import org.cicloperformance.planservice.plan.Plan;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The relay reads only the plans this process wrote on each pass, and finds the events stored by anyone else (a
 * process that stopped before relaying them) by its sweep. The sweep interval is an hour here, so only the sweep
 * asked for by the test can find them.
 */
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest(properties = { "plan.outbox.relay-interval=100ms", "plan.outbox.sweep-interval=1h" })
@AutoConfigureMockMvc
class OutboxSweepIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-sweep");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PlanRepository plans;

	@Autowired
	OutboxRelay relay;

	@Test
	void aPlanThisProcessApprovesIsPublishedOnTheNextPassWithoutASweep() {
		try (var events = new TopicReader(InProcessInfrastructure.kafkaBrokers(), "plan-events")) {
			var id = PlanRequests.createAndApprove(mvc, 2080);

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events.withKey(id)).hasSize(1));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(plans.findById(id).orElseThrow().outbox()).isEmpty());
		}
	}

	@Test
	void anEventStoredByAnotherProcessWaitsForTheSweepAndIsThenPublished() throws Exception {
		var now = Instant.now();
		var content = PlanFixtures.samplePlan("ente-altro", 2081);
		var version = new PlanVersion(1, content, List.of("fine"),
				new ApprovingAct("Delibera", "1", LocalDate.of(2081, 1, 31)), null, now, "pianificatore");
		// written straight into the collection, as another replica of plan-service would have
		mongo.insert(new Plan("ente-altro-2081", "ente-altro", 2081, PlanStatus.APPROVED, 1, null, List.of(version),
				List.of(new OutboxEntry("from-elsewhere", OutboxEntry.PLAN_PUBLISHED, 1, now)), now, "pianificatore",
				now, "pianificatore"));

		try (var events = new TopicReader(InProcessInfrastructure.kafkaBrokers(), "plan-events")) {
			Thread.sleep(1_500); // fifteen passes, none of which searches the collection
			assertThat(events.withKey("ente-altro-2081")).isEmpty();

			relay.sweepOnNextPass();

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(events.withKey("ente-altro-2081")).hasSize(1));
			assertThat(events.withKey("ente-altro-2081").get(0).value()).contains("\"eventId\":\"from-elsewhere\"");
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(plans.findById("ente-altro-2081").orElseThrow().outbox()).isEmpty());
	}
}
