package org.cicloperformance.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault tests' area office and reader: posts results of one indicator of the demo plan at 30/6 to
 * monitoring-service, and reads back from reporting-service's indicator history which result versions it scored.
 */
final class Results {

	static final String CHECKPOINT = "2018-06-30";

	private static final String OFFICE = "ufficio-anagrafe";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String monitoring;

	private final String reporting;

	Results(String monitoring, String reporting) {
		this.monitoring = monitoring;
		this.reporting = reporting;
	}

	Tally tally(String fault, String objective, String indicator) {
		return new Tally(fault, objective, indicator);
	}

	HttpResponse<String> postRaw(String body) {
		return send(HttpRequest.newBuilder(URI.create(monitoring + "/api/results"))
			.header("Content-Type", "application/json")
			.header("Authorization", LocalUsers.basic(OFFICE))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** monitoring-service's gauge of events written and not yet acknowledged by Kafka, as Prometheus reads it. */
	String outboxBacklog() {
		var response = send(HttpRequest.newBuilder(URI.create(monitoring + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.build());
		return response.body().lines().filter(l -> l.startsWith("monitoring_outbox_backlog"))
			.map(l -> l.substring(l.lastIndexOf(' ') + 1))
			.findFirst()
			.orElse("?");
	}

	/** A result whose commentary alone makes its event larger than the producer's 1 MB default. */
	HttpResponse<String> postOversized(String objective, String indicator, int commentaryLength) {
		return postRaw(result(objective, indicator, "1", "x".repeat(commentaryLength)));
	}

	/** Malformed or out-of-bounds requests, all on the area office's own objectives; none may be stored. */
	static List<String> badRequests(int count) {
		var variants = List.of("{\"planId\": \"" + DemoLoader.PLAN_ID + "\", \"objective\": ",
				result("2.2.1", "4", "-5", "conteggio negativo"), result("2.2.1", "99", "5", "indicatore inesistente"),
				result("2.1.1", "3", "150", "percentuale oltre 100"),
				result("2.2.1", "4", "\"molti\"", "numero come testo"),
				result("2.2.1", "4", "5", "piano sconosciuto").replace(DemoLoader.PLAN_ID, "piano-inesistente"),
				result("2.2.1", "4", "5", "checkpoint sconosciuto").replace(CHECKPOINT, "2018-09-31"),
				"{\"planId\": \"" + DemoLoader.PLAN_ID + "\", \"objective\": \"2.2.1\", \"indicator\": \"4\","
						+ " \"checkpoint\": \"" + CHECKPOINT + "\", \"value\": {\"yes\": true}}",
				"[]", "{\"planId\": \"" + DemoLoader.PLAN_ID + "\"}");
		return IntStream.range(0, count).mapToObj(i -> variants.get(i % variants.size())).toList();
	}

	private static String result(String objective, String indicator, String number, String commentary) {
		return """
				{"planId": "%s", "objective": "%s", "indicator": "%s", "checkpoint": "%s",
				 "value": {"number": %s, "text": "%s"}, "commentary": "%s",
				 "reportedBy": "%s", "reason": "prova di guasto"}""".formatted(DemoLoader.PLAN_ID, objective, indicator,
				CHECKPOINT, number, number.replace("\"", ""), commentary, OFFICE);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new AssertionError(request.uri().toString(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(request.uri().toString(), e);
		}
	}

	record Posted(int version, String eventId) {
	}

	/** What one fault case posted and what monitoring-service acknowledged, against what reporting-service scored. */
	final class Tally {

		private final String fault;

		private final String objective;

		private final String indicator;

		private final Set<Integer> accepted = ConcurrentHashMap.newKeySet();

		Tally(String fault, String objective, String indicator) {
			this.fault = fault;
			this.objective = objective;
			this.indicator = indicator;
		}

		/** Posts a valid result; it must be acknowledged (201), and it then counts as accepted. */
		Posted post(int number) {
			var response = postRaw(result(objective, indicator, String.valueOf(number), "prova di guasto " + fault));
			assertThat(response.statusCode()).as(fault + ": " + response.body()).isEqualTo(201);
			var body = JSON.readTree(response.body());
			var posted = new Posted(body.get("version").asInt(), body.get("eventId").asString());
			accepted.add(posted.version());
			return posted;
		}

		int accepted() {
			return accepted.size();
		}

		int scored() {
			return count().scored();
		}

		/** Waits until every accepted version is scored and the latest one is in use; prints the line if not. */
		void awaitScored(Duration timeout) {
			try {
				await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
					var count = count();
					assertThat(count.scored()).as(fault + ": accepted versions scored").isEqualTo(accepted.size());
					assertThat(count.inUse()).as(fault + ": version in use").isEqualTo(
							accepted.stream().mapToInt(Integer::intValue).max().orElse(0));
				});
			}
			catch (ConditionTimeoutException e) {
				report();
				throw e;
			}
		}

		/** Prints the case's line and requires nothing lost and nothing counted twice. */
		void report() {
			var count = count();
			int lost = accepted.size() - count.scored();
			System.out.printf("fault=%s accepted=%d scored=%d lost=%d duplicated=%d%n", fault, accepted.size(),
					count.scored(), lost, count.duplicated());
			assertThat(lost).as(fault + ": lost").isZero();
			assertThat(count.duplicated()).as(fault + ": duplicated").isZero();
		}

		/**
		 * Scored = accepted versions present in the indicator's history at the checkpoint; duplicated = history
		 * entries beyond one per version (a version, or its event, counted more than once).
		 */
		private Count count() {
			var history = history();
			var versions = new ArrayList<Integer>();
			var eventIds = new ArrayList<String>();
			for (var version : history.path("resultVersions")) {
				if (CHECKPOINT.equals(version.path("checkpoint").asString())) {
					versions.add(version.path("resultVersion").asInt());
					eventIds.add(version.path("eventId").asString());
				}
			}
			int distinct = (int) versions.stream().distinct().count();
			int duplicated = versions.size() - distinct
					+ Math.max(0, (int) eventIds.stream().distinct().count() - distinct);
			int scored = (int) accepted.stream().filter(versions::contains).count();
			int inUse = 0;
			for (var checkpoint : history.path("checkpoints")) {
				if (CHECKPOINT.equals(checkpoint.path("checkpoint").asString())) {
					inUse = checkpoint.path("achievement").path("resultVersion").asInt();
				}
			}
			return new Count(scored, duplicated, inUse);
		}

		private JsonNode history() {
			var response = send(HttpRequest.newBuilder(URI.create(reporting + "/api/plans/" + DemoLoader.PLAN_ID
					+ "/indicators/" + objective + "/" + indicator))
				.header("Authorization", LocalUsers.basic("direzione"))
				.timeout(Duration.ofSeconds(30))
				.build());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}
	}

	private record Count(int scored, int duplicated, int inUse) {
	}
}
