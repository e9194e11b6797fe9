package org.cicloperformance.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end, across the three services as separate processes on the embedded default: the demo loads, every
 * service shows its part of the seed's 30/6 figures, a new result moves a manager's score within seconds, and a
 * restart on the same data folder keeps everything and loads nothing twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

	private static final String PLAN = "cciaa-brescia-2018";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	static Settings settings;

	static LocalStack stack;

	@BeforeAll
	static void startStack() throws IOException {
		var home = LocalStack.home();
		settings = new Settings(home, Files.createTempDirectory("local-stack-it"), "127.0.0.1", freePort(), freePort(),
				freePort(), freePort(), freePort(), freePort(), true, "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
				List.of("plan-service", "monitoring-service", "reporting-service"));
		stack = new LocalStack(settings);
		long started = System.nanoTime();
		stack.start();
		System.out.printf("[LocalStackIT] cold start with demo load: %d s%n",
				Duration.ofNanos(System.nanoTime() - started).toSeconds());
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void thePlanIsApprovedAndRevisedInPlanService() {
		var plan = get(stack.planUrl() + "/api/plans/" + PLAN);

		assertThat(plan.get("status").asString()).isEqualTo("APPROVED");
		assertThat(plan.get("currentVersion").asInt()).isEqualTo(2);
		assertThat(plan.get("pendingEvents").asInt()).isZero();
		var diff = get(stack.planUrl() + "/api/plans/" + PLAN + "/diff?from=1&to=2").get("differences");
		assertThat(diff.size()).isGreaterThanOrEqualTo(15);
	}

	@Test
	@Order(2)
	void theSeedsDeviationsAreStoredInMonitoringService() {
		assertThat(deviation("1.1.1", "1").get("number").decimalValue()).isEqualByComparingTo("3");
		assertThat(deviation("2.1.2", "3").get("number").decimalValue()).isEqualByComparingTo("-2543");
		assertThat(deviation("2.1.1", "3").get("number").decimalValue()).isEqualByComparingTo("7.70");
		var compound = deviation("2.1.1", "2").get("components");
		assertThat(compound.get("istanze").decimalValue()).isEqualByComparingTo("-3201");
		assertThat(compound.get("riunioni").decimalValue()).isEqualByComparingTo("-3");
	}

	@Test
	@Order(3)
	void reportingScoresThe30JuneCheckpointByTheRules() {
		var tree = scores();

		var o213 = node(tree, "2.1.3");
		assertThat(o213.get("score").decimalValue()).isEqualByComparingTo(
				new BigDecimal("20").add(new BigDecimal("10")).add(new BigDecimal("70").multiply(ratio(527, 600)))
					.divide(new BigDecimal("100"), 10, java.math.RoundingMode.HALF_EVEN));
		assertThat(o213.get("scoreText").asString()).isEqualTo("91,48%");
		var o111 = node(tree, "1.1.1");
		assertThat(o111.get("score").decimalValue()).isEqualByComparingTo("1");
		assertThat(o111.get("coverage").decimalValue()).isEqualByComparingTo("0.6");
		assertThat(managerScore("dazzeo")).isEqualTo("75,49%");
	}

	@Test
	@Order(4)
	void aNewResultChangesTheManagersScoreWithinSeconds() {
		var correction = """
				{"planId": "cciaa-brescia-2018", "objective": "2.1.3", "indicator": "3", "checkpoint": "2018-06-30",
				 "value": {"number": 600, "text": "600"}, "commentary": "Allineamento completato",
				 "reportedBy": "ufficio-registro-imprese", "reason": "Dato definitivo di fine giugno"}""";

		var response = post(stack.monitoringUrl() + "/api/results", correction);

		assertThat(response.statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(managerScore("dazzeo")).isEqualTo("77,19%"));
	}

	@Test
	@Order(5)
	void theOivCycleClosesThe30JuneCheckpointAndTheFeedBecomesFinal() throws IOException {
		var downloads = Files.createTempDirectory("cycle");

		var files = new CheckpointCycle(stack.monitoringUrl(), stack.reportingUrl(), downloads, System.out::println).run();

		var checkpoint = get(stack.monitoringUrl() + "/api/checkpoints/" + PLAN + "/2018-06-30");
		assertThat(checkpoint.get("status").asString()).isEqualTo("CLOSED");
		assertThat(checkpoint.get("indicators").size()).isEqualTo(25);
		var feed = get(stack.reportingUrl() + "/api/plans/" + PLAN + "/checkpoints/2018-06-30/hr-feed", "personale");
		assertThat(feed.get("status").asString()).isEqualTo("FINAL");
		assertThat(feed.get("closing").asInt()).isEqualTo(1);
		assertThat(managerScore("dazzeo")).isEqualTo("77,19%");
		assertThat(files).hasSize(3);
		assertThat(Files.readAllBytes(files.get(0))).startsWith("%PDF".getBytes());
		assertThat(Files.readString(files.get(1))).contains("Prof. Claudio Teodori", "77,19%");
		assertThat(Files.readString(files.get(2))).contains(";dazzeo;", ";77,19;", ";1;NO");
	}

	@Test
	@Order(6)
	void aRestartKeepsTheDataAndLoadsNothingTwice() {
		stack.close();
		stack = new LocalStack(settings);
		stack.start();

		assertThat(get(stack.planUrl() + "/api/plans/" + PLAN).get("currentVersion").asInt()).isEqualTo(2);
		var versions = get(stack.monitoringUrl() + "/api/results/" + PLAN + "/2.1.3/3/2018-06-30/versions");
		assertThat(versions.size()).isEqualTo(2);
		var results = get(stack.monitoringUrl() + "/api/results?planId=" + PLAN + "&checkpoint=2018-06-30");
		assertThat(results.size()).isEqualTo(31);
		assertThat(managerScore("dazzeo")).isEqualTo("77,19%");
		assertThat(get(stack.reportingUrl() + "/api/plans/" + PLAN + "/checkpoints/2018-06-30/hr-feed", "personale")
			.get("status").asString()).isEqualTo("FINAL");
	}

	private static JsonNode deviation(String objective, String indicator) {
		var results = get(stack.monitoringUrl() + "/api/results?planId=" + PLAN + "&checkpoint=2018-06-30");
		return StreamSupport.stream(results.spliterator(), false)
			.filter(r -> r.get("objective").asString().equals(objective) && r.get("indicator").asString().equals(indicator))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no result for " + objective + "/" + indicator))
			.get("deviation");
	}

	private static JsonNode scores() {
		return get(stack.reportingUrl() + "/api/plans/" + PLAN + "/checkpoints/2018-06-30/scores").get("node");
	}

	private static String managerScore(String manager) {
		return get(stack.reportingUrl() + "/api/plans/" + PLAN + "/checkpoints/2018-06-30/managers/" + manager)
			.get("node")
			.get("scoreText")
			.asString();
	}

	private static JsonNode node(JsonNode tree, String code) {
		if (code.equals(tree.path("code").asString())) {
			return tree;
		}
		for (var child : tree.path("children")) {
			var found = node(child, code);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static BigDecimal ratio(int result, int target) {
		return new BigDecimal(result).divide(new BigDecimal(target), 20, java.math.RoundingMode.HALF_EVEN);
	}

	private static JsonNode get(String url) {
		return get(url, "direzione");
	}

	private static JsonNode get(String url, String user) {
		try {
			var response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", LocalUsers.basic(user))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(url + " → " + response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}
		catch (IOException | InterruptedException e) {
			throw new AssertionError(url, e);
		}
	}

	private static HttpResponse<String> post(String url, String body) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
				.header("Authorization", LocalUsers.basic("ufficio-anagrafe"))
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException e) {
			throw new AssertionError(url, e);
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
