package org.cicloperformance.reportingservice.hr.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cicloperformance.reportingservice.checkpoint.CheckpointStates;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * From the OIV's closing on {@code checkpoint-events} to the final scores, the FINAL HR feed (API, CSV, dashboard)
 * and {@code hr-feed}, on the real broker: exactly one publication per closing whatever the redeliveries, one
 * withdrawal per reopening.
 */
class ClosingToHrFeedIntegrationTest extends IntegrationTest {

	static final String JUNE = "2018-06-30";

	static final String DECEMBER = "2018-12-31";

	@Autowired
	CheckpointStates states;

	@Autowired
	MeterRegistry meters;

	@Test
	void aClosingScoresWithTheOivFigurePublishesTheFinalFeedOnceAndAReopeningMakesItProvisionalAgain()
			throws Exception {
		String plan = "oiv-" + UUID.randomUUID();
		publishPlan(plan, Seed.planPublished(plan));
		publishResults(plan, Seed.juneResults(plan));
		awaitScores(plan, JUNE, IntegrationTest::allJuneResultsScored);

		String firstClosing = closed(plan, JUNE, 1, Map.of("2.1.3/3", "0.5"), Map.of());
		Events.publish("checkpoint-events", plan, firstClosing);
		Events.publish("checkpoint-events", plan, firstClosing); // delivered again, as a replay would

		JsonNode card = awaitJson("/api/plans/" + plan + "/checkpoints/" + JUNE + "/managers/dazzeo",
				json -> json.path("status").asString().equals("FINAL"));
		assertThat(card.path("closing").asInt()).isEqualTo(1);
		JsonNode objective = child(card.path("node"), "2.1.3");
		assertThat(objective.path("arithmetic").asString())
				.isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 50,00%) / 100 = 65,00%");
		JsonNode adjusted = indicator(objective, "3");
		assertThat(adjusted.path("oivVerdict").asString()).isEqualTo("ADJUSTED");
		assertThat(adjusted.path("achievementText").asString()).isEqualTo("50,00%");
		assertThat(adjusted.path("selfReportedAchievementText").asString()).isEqualTo("87,83%");
		assertThat(adjusted.path("arithmetic").asString())
				.isEqualTo("raggiungimento rettificato dall'OIV: 50,00% (dichiarato 87,83%)");
		assertThat(adjusted.path("oivReason").asString()).isEqualTo("Documentazione insufficiente");
		assertThat(indicator(objective, "1").path("oivVerdict").asString()).isEqualTo("VALIDATED");

		JsonNode feed = getJson("/api/plans/" + plan + "/checkpoints/" + JUNE + "/hr-feed");
		assertThat(feed.path("status").asString()).isEqualTo("FINAL");
		assertThat(feed.path("closing").asInt()).isEqualTo(1);
		assertThat(feed.path("payable").asBoolean()).as("30/6 is not the final checkpoint").isFalse();
		assertThat(feed.path("rows")).allSatisfy(row -> assertThat(row.path("status").asString()).isEqualTo("FINAL"));
		String csv = mvc.perform(get("/api/plans/" + plan + "/checkpoints/" + JUNE + "/hr-feed.csv")).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")[1]).contains(";FINAL;").endsWith(";1;NO;;;;;;;;;;;;;;;");

		MockHttpSession planner = SignIn.as(mvc, "pianificatore");
		String objectivePage = mvc.perform(get("/dashboard/plans/" + plan + "/objectives/2.1.3")
				.param("checkpoint", JUNE).session(planner)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(objectivePage).contains("Definitivo")
				.contains("Rettificato dall&#39;OIV: usato 50,00%, dichiarato 87,83%");
		String indicatorPage = mvc.perform(get("/dashboard/plans/" + plan + "/indicators/2.1.3/3")
				.param("checkpoint", JUNE).session(planner)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(indicatorPage).contains("Rettificato dall&#39;OIV: usato 50,00%, dichiarato 87,83%");

		awaitCheckpointEventsConsumed(plan, JUNE);
		List<JsonNode> afterFirstClosing = awaitHrFeed(plan, 1);
		assertThat(afterFirstClosing).extracting(e -> e.path("type").asString()).containsExactly("HrFeedPublished");
		JsonNode published = afterFirstClosing.get(0);
		assertThat(published.path("eventId").asString())
				.isEqualTo(HrFeedEvents.eventId(HrFeedEvents.PUBLISHED, plan, JUNE, 1));
		assertThat(published.path("status").asString()).isEqualTo("FINAL");
		assertThat(published.path("closing").asInt()).isEqualTo(1);
		assertThat(published.path("rows")).isEqualTo(feed.path("rows"));

		String reopening = reopened(plan, JUNE, 1);
		Events.publish("checkpoint-events", plan, reopening);
		Events.publish("checkpoint-events", plan, reopening);

		JsonNode provisional = awaitJson("/api/plans/" + plan + "/checkpoints/" + JUNE + "/hr-feed",
				json -> json.path("status").asString().equals("PROVISIONAL"));
		assertThat(provisional.path("closing").isNull()).isTrue();
		assertThat(provisional.path("payable").asBoolean()).isFalse();
		JsonNode live = getJson("/api/plans/" + plan + "/checkpoints/" + JUNE + "/managers/dazzeo");
		assertThat(child(live.path("node"), "2.1.3").path("arithmetic").asString()).endsWith("= 91,48%");
		assertThat(indicator(child(live.path("node"), "2.1.3"), "3").path("oivVerdict").isNull()).isTrue();
		awaitCheckpointEventsConsumed(plan, JUNE);
		assertThat(awaitHrFeed(plan, 2)).extracting(e -> e.path("type").asString())
				.containsExactly("HrFeedPublished", "HrFeedWithdrawn");

		Events.publish("checkpoint-events", plan, closed(plan, JUNE, 2, Map.of(), Map.of()));
		JsonNode secondFinal = awaitJson("/api/plans/" + plan + "/checkpoints/" + JUNE + "/hr-feed",
				json -> json.path("closing").asInt() == 2);
		assertThat(secondFinal.path("status").asString()).isEqualTo("FINAL");
		awaitCheckpointEventsConsumed(plan, JUNE);
		List<JsonNode> all = awaitHrFeed(plan, 3);
		assertThat(all).extracting(e -> e.path("type").asString() + ":" + e.path("closing").asInt())
				.containsExactly("HrFeedPublished:1", "HrFeedWithdrawn:1", "HrFeedPublished:2");
		assertThat(all.get(1).path("reason").asString()).isEqualTo("Riesame chiesto dal dirigente");
		JsonNode validated = indicator(child(getJson("/api/plans/" + plan + "/checkpoints/" + JUNE
				+ "/managers/dazzeo").path("node"), "2.1.3"), "3");
		assertThat(validated.path("oivVerdict").asString()).isEqualTo("VALIDATED");
		assertThat(validated.path("achievementText").asString()).isEqualTo("87,83%");

		assertThat(meters.counter("reporting.checkpoints.closed").count()).isGreaterThanOrEqualTo(2);
		assertThat(meters.counter("reporting.hrfeed.published", "type", "HrFeedPublished").count())
				.isGreaterThanOrEqualTo(2);
		assertThat(meters.counter("reporting.hrfeed.published", "type", "HrFeedWithdrawn").count())
				.isGreaterThanOrEqualTo(1);
	}

	@Test
	void aClosingWaitsForTheResultVersionTheOivJudgedAndTheFinalCheckpointsFeedIsPayable() throws Exception {
		String plan = "oiv-late-" + UUID.randomUUID();
		publishPlan(plan, Seed.planPublished(plan));
		publishResults(plan, Seed.juneResults(plan));
		awaitScores(plan, JUNE, IntegrationTest::allJuneResultsScored);

		Events.publish("checkpoint-events", plan, closed(plan, JUNE, 1, Map.of("2.1.3/3", "0.6"),
				Map.of("2.1.3/3", 2)));
		awaitCheckpointEventsConsumed(plan, JUNE);
		assertThat(getJson("/api/plans/" + plan + "/checkpoints/" + JUNE + "/hr-feed").path("status").asString())
				.as("the judged version 2 of 2.1.3/3 has not arrived").isEqualTo("PROVISIONAL");

		publishResults(plan, List.of(Seed.resultRecorded(plan, "2.1.3", "3", JUNE, 2, Seed.numberValue("600"))));
		JsonNode card = awaitJson("/api/plans/" + plan + "/checkpoints/" + JUNE + "/managers/dazzeo",
				json -> json.path("status").asString().equals("FINAL"));
		JsonNode adjusted = indicator(child(card.path("node"), "2.1.3"), "3");
		assertThat(adjusted.path("resultVersion").asInt()).isEqualTo(2);
		assertThat(adjusted.path("arithmetic").asString())
				.isEqualTo("raggiungimento rettificato dall'OIV: 60,00% (dichiarato 100,00%)");

		Events.publish("checkpoint-events", plan, closed(plan, DECEMBER, 1, Map.of(), Map.of()));
		JsonNode december = awaitJson("/api/plans/" + plan + "/checkpoints/" + DECEMBER + "/hr-feed",
				json -> json.path("status").asString().equals("FINAL"));
		assertThat(december.path("payable").asBoolean()).isTrue();
		awaitCheckpointEventsConsumed(plan, DECEMBER);
		List<JsonNode> events = awaitHrFeed(plan, 2);
		assertThat(events).extracting(e -> e.path("checkpoint").asString() + ":" + e.path("payable").asBoolean())
				.containsExactly(JUNE + ":false", DECEMBER + ":true");
	}

	/** Checkpoint events of a plan are ordered on one partition: once this one is recorded, all before it are. */
	private void awaitCheckpointEventsConsumed(String plan, String checkpoint) {
		String manager = "sentinel-" + UUID.randomUUID();
		ObjectNode event = common("CheckpointSubmitted", plan, checkpoint, "OPEN", "2018-01-01T00:00:00Z");
		event.put("manager", manager);
		event.put("commentary", "sentinella");
		event.putArray("proposals");
		Events.publish("checkpoint-events", plan, Seed.JSON.writeValueAsString(event));
		await().atMost(PATIENCE).until(() -> states.find(plan, checkpoint)
				.map(s -> s.latestSubmissions().containsKey(manager)).orElse(false));
	}

	/**
	 * The plan's events on {@code hr-feed} once {@code expected} arrived, read again after more relay rounds than a
	 * second copy would need to show up; each one checked against the contract.
	 */
	private List<JsonNode> awaitHrFeed(String plan, int expected) {
		await().atMost(PATIENCE).until(() -> hrFeed(plan, Duration.ofMillis(500)).size() >= expected);
		List<JsonNode> events = hrFeed(plan, Duration.ofSeconds(2));
		events.forEach(e -> assertThat(HrFeedContractTest.validate(Seed.JSON.writeValueAsString(e))).isEmpty());
		assertThat(events).hasSize(expected);
		// one header, the event type as text: nothing that names Java classes for the HR systems to skip
		Events.readAll("hr-feed", Duration.ofMillis(500)).stream().filter(r -> plan.equals(r.key()))
				.forEach(r -> assertThat(r.headers()).extracting(org.apache.kafka.common.header.Header::key)
						.containsExactly("eventType"));
		return events;
	}

	private static List<JsonNode> hrFeed(String plan, Duration wait) {
		return Events.readAll("hr-feed", wait).stream().filter(r -> plan.equals(r.key()))
				.map(ConsumerRecord::value).map(Seed.JSON::readTree).toList();
	}

	private JsonNode awaitJson(String path, Predicate<JsonNode> condition) {
		return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> getJson(path), condition);
	}

	private static JsonNode child(JsonNode node, String code) {
		for (JsonNode child : node.path("children")) {
			if (code.equals(child.path("code").asString())) {
				return child;
			}
		}
		throw new AssertionError("no child " + code + " in " + node.path("code").asString());
	}

	private static JsonNode indicator(JsonNode objective, String code) {
		for (JsonNode indicator : objective.path("indicators")) {
			if (code.equals(indicator.path("indicator").asString())) {
				return indicator;
			}
		}
		throw new AssertionError("no indicator " + code + " in " + objective.path("code").asString());
	}

	/**
	 * Closing {@code n}: every June result validated at version 1, except those {@code adjusted} (the OIV's figure)
	 * and those judged at another {@code versions}.
	 */
	static String closed(String plan, String checkpoint, int n, Map<String, String> adjusted,
			Map<String, Integer> versions) {
		ObjectNode event = common("CheckpointClosed", plan, checkpoint, "CLOSED", "2018-07-31T09:00:0" + n + "Z");
		event.put("closing", n);
		ArrayNode verdicts = event.putArray("verdicts");
		if (checkpoint.equals(JUNE)) {
			for (String result : Seed.juneResults(plan)) {
				JsonNode recorded = Seed.JSON.readTree(result);
				String key = recorded.path("objective").asString() + "/" + recorded.path("indicator").asString();
				ObjectNode verdict = verdicts.addObject();
				verdict.put("objective", recorded.path("objective").asString());
				verdict.put("indicator", recorded.path("indicator").asString());
				verdict.put("resultVersion", versions.getOrDefault(key, 1));
				verdict.put("verdict", adjusted.containsKey(key) ? "ADJUSTED" : "VALIDATED");
				if (adjusted.containsKey(key)) {
					verdict.put("adjustedAchievement", new java.math.BigDecimal(adjusted.get(key)));
					verdict.put("reason", "Documentazione insufficiente");
				}
				else {
					verdict.putNull("adjustedAchievement");
					verdict.putNull("reason");
				}
				verdict.put("by", "oiv");
				verdict.put("at", "2018-07-30T10:00:00Z");
			}
		}
		return Seed.JSON.writeValueAsString(event);
	}

	static String reopened(String plan, String checkpoint, int n) {
		ObjectNode event = common("CheckpointReopened", plan, checkpoint, "UNDER_REVIEW", "2018-08-01T09:00:00Z");
		event.put("closing", n);
		event.put("reason", "Riesame chiesto dal dirigente");
		return Seed.JSON.writeValueAsString(event);
	}

	private static ObjectNode common(String type, String plan, String checkpoint, String status, String at) {
		ObjectNode event = Seed.JSON.createObjectNode();
		event.put("type", type);
		event.put("eventId", UUID.randomUUID().toString());
		event.put("planId", plan);
		event.put("entity", "cciaa-brescia");
		event.put("checkpoint", checkpoint);
		event.put("status", status);
		event.put("occurredAt", at);
		event.put("causedBy", "oiv");
		return event;
	}
}
