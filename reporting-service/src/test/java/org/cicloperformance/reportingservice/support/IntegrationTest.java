package org.cicloperformance.reportingservice.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.score.ScoreStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of the integration tests (same annotations and properties everywhere, so it is cached),
 * on the in-process broker and MongoDB server, with a real web server on a random port (the browser tests drive
 * it; a second context would also be a second consumer in the same group, splitting the partitions). Each test
 * works on its own plan id. The API is called as the planner of the demo's entity ({@link AuthenticatedAsPlanner}),
 * the dashboard through a session from its login form ({@link SignIn}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.cloud.stream.bindings.planEvents-in-0.consumer.back-off-initial-interval=100",
		"spring.cloud.stream.bindings.planEvents-in-0.consumer.back-off-max-interval=200",
		"spring.cloud.stream.bindings.resultEvents-in-0.consumer.back-off-initial-interval=100",
		"spring.cloud.stream.bindings.resultEvents-in-0.consumer.back-off-max-interval=200",
		"spring.cloud.stream.bindings.checkpointEvents-in-0.consumer.back-off-initial-interval=100",
		"spring.cloud.stream.bindings.checkpointEvents-in-0.consumer.back-off-max-interval=200",
		"reporting.checkpoints.retry-interval=300ms", "reporting.hr-feed.relay-interval=200ms" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
public abstract class IntegrationTest {

	protected static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected ScoreStore scores;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry);
	}

	protected static void publishPlan(String planId, String json) {
		Events.publish("plan-events", planId, json);
	}

	protected static void publishResults(String planId, List<String> results) {
		results.forEach(json -> Events.publish("result-events", planId, json));
	}

	protected ScoreDocument awaitScores(String planId, String checkpoint, Predicate<ScoreDocument> condition) {
		return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
				.until(() -> scores.find(planId, checkpoint).orElse(null), d -> d != null && condition.test(d));
	}

	/** All 31 seed results at 30/6 scored: the last indicators in the file carry a result version. */
	protected static boolean allJuneResultsScored(ScoreDocument document) {
		return document.scorecard().indicators().stream().filter(i -> i.result() != null).count() == 31;
	}

	protected JsonNode getJson(String path) throws Exception {
		String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path))
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return Seed.JSON.readTree(body);
	}
}
