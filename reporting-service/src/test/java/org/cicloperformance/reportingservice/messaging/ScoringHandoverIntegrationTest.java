package org.cicloperformance.reportingservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.cicloperformance.reportingservice.ReportingServiceApplication;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.score.ScoreStore;
import org.cicloperformance.reportingservice.score.ScoringService;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.InProcessInfrastructure;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Single writer per plan: three replicas of the service in one consumer group, on topics of three partitions of
 * the real in-process broker and one database. Replicas join and leave while results stream in, so plans change
 * hands mid-stream; at the end every plan's scores are what a rebuild from the facts gives, with every result's
 * latest version, none lost and none counted twice.
 */
class ScoringHandoverIntegrationTest {

	private static final String JUNE = "2018-06-30";

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	@AfterEach
	void stopReplicas() {
		replicas.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void plansChangeHandsCleanlyAndTheFinalScoresAreARebuilds() throws Exception {
		String plans = "handover-plans-" + run;
		String results = "handover-results-" + run;
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				InProcessInfrastructure.kafkaBrokers()))) {
			admin.createTopics(List.of(new NewTopic(plans, 3, (short) 1), new NewTopic(results, 3, (short) 1),
					new NewTopic("handover-checkpoints-" + run, 3, (short) 1))).all().get();
		}
		List<String> planIds = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			planIds.add("handover-" + run + "-" + i);
		}
		ConfigurableApplicationContext first = start("a");
		start("b");
		planIds.forEach(p -> Events.publish(plans, p, Seed.planPublished(p)));

		List<List<String>> june = planIds.stream().map(Seed::juneResults).toList();
		publishSlice(results, planIds, june, 0, 15);
		// a replica leaves mid-stream: its plans go to the others, which read them from the store
		replicas.remove(1).close();
		publishSlice(results, planIds, june, 15, 25);
		start("c");
		publishSlice(results, planIds, june, 25, 31);
		for (String planId : planIds) {
			// a correction, then the version it replaces delivered late, then a duplicate of the correction
			String correction = Seed.resultRecorded(planId, "2.1.3", "3", JUNE, 2, Seed.numberValue("600"));
			Events.publish(results, planId, correction);
			Events.publish(results, planId, june.get(planIds.indexOf(planId)).stream()
					.filter(j -> j.contains("\"2.1.3\"") && j.contains("\"indicator\":\"3\"")).findFirst().orElseThrow());
			Events.publish(results, planId, correction);
		}

		ScoreStore scores = first.getBean(ScoreStore.class);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
				.until(() -> planIds.stream().allMatch(p -> scores.find(p, JUNE).filter(this::complete).isPresent()));
		ScoringService scoring = first.getBean(ScoringService.class);
		for (String planId : planIds) {
			ScoreDocument document = scores.find(planId, JUNE).orElseThrow();
			assertThat(document.scorecard().indicators().stream().filter(i -> i.result() != null)).hasSize(31);
			assertThat(scoring.rebuild(Optional.of(planId)).differing()).as(planId).isEmpty();
		}
	}

	/** All 31 results scored, the corrected one with its version 2. */
	private boolean complete(ScoreDocument document) {
		List<IndicatorScore> scored = document.scorecard().indicators().stream().filter(i -> i.result() != null)
				.toList();
		return scored.size() == 31 && document.scorecard().indicator("2.1.3", "3")
				.map(i -> i.result() != null && i.result().resultVersion() == 2).orElse(false);
	}

	private static void publishSlice(String topic, List<String> planIds, List<List<String>> june, int from, int to) {
		for (int r = from; r < to; r++) {
			for (int p = 0; p < planIds.size(); p++) {
				Events.publish(topic, planIds.get(p), june.get(p).get(r));
			}
		}
	}

	private ConfigurableApplicationContext start(String name) {
		// command-line arguments: they take precedence over application.yml (the builder's properties do not)
		Map<String, String> properties = Map.of("server.port", "0",
				"spring.mongodb.uri", InProcessInfrastructure.mongoUri().replace("/reporting", "/handover"),
				"spring.cloud.stream.kafka.binder.brokers", InProcessInfrastructure.kafkaBrokers(),
				"spring.cloud.stream.bindings.planEvents-in-0.destination", "handover-plans-" + run,
				"spring.cloud.stream.bindings.resultEvents-in-0.destination", "handover-results-" + run,
				"spring.cloud.stream.bindings.checkpointEvents-in-0.destination", "handover-checkpoints-" + run,
				"spring.cloud.stream.bindings.planEvents-in-0.group", "handover",
				"spring.cloud.stream.bindings.resultEvents-in-0.group", "handover",
				"spring.cloud.stream.bindings.checkpointEvents-in-0.group", "handover",
				"spring.application.name", "reporting-replica-" + name);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ReportingServiceApplication.class)
				.profiles("test")
				.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
						.toArray(String[]::new));
		replicas.add(context);
		return context;
	}
}
