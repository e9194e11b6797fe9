package org.cicloperformance.reportingservice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: events on the real topics, consumed by the webhooks' own group, queued in MongoDB and sent
 * to a receiver in the test (the JDK's HTTP server), which checks the signature as a body integrating with us
 * would. Settings of the tests: 3 attempts, back-off 200 ms doubling up to 1 s, a 2 s request timeout.
 */
class WebhookDeliveryIntegrationTest extends IntegrationTest {

	private static final String ENTITY = "cciaa-brescia";

	private static final String SECRET = "segreto-del-ricevente-di-prova";

	private final List<AutoCloseable> cleanup = new ArrayList<>();

	@Autowired
	private WebhookIntake intake;

	@AfterEach
	void deleteWebhooksAndReceivers() throws Exception {
		for (AutoCloseable c : cleanup) {
			c.close();
		}
	}

	private Receiver receiver(java.util.function.IntUnaryOperator answer) {
		Receiver receiver = new Receiver(answer);
		cleanup.add(receiver);
		return receiver;
	}

	private String register(Receiver receiver, String... types) throws Exception {
		String body = Seed.JSON.writeValueAsString(java.util.Map.of("url", receiver.url(), "eventTypes", List.of(types),
				"secret", SECRET, "description", "ricevente di prova"));
		JsonNode created = Seed.JSON.readTree(mvc.perform(post("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
				.content(body)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		String id = created.path("webhook").path("id").asString();
		assertThat(id).as(created.toString()).startsWith("wh_");
		cleanup.add(0, () -> mvc.perform(delete("/api/webhooks/" + id)));
		return id;
	}

	private static String plan() {
		return "webhook-" + UUID.randomUUID();
	}

	static String resultRecorded(String plan, String entity, String eventId, String type) {
		return """
				{"type":"%s","eventId":"%s","planId":"%s","planVersion":1,"entity":"%s","objective":"2.1.1",
				 "indicator":"3","checkpoint":"2018-06-30","resultVersion":1,"value":{"number":82.70},
				 "reportedBy":"ufficio","recordedAt":"%s"}""".formatted(type, eventId, plan, entity, Instant.now());
	}

	/** What a receiver does: HMAC-SHA256 of timestamp "." body with the shared secret, compared with the header. */
	private static void assertSigned(Receiver.Received request) throws Exception {
		String timestamp = request.header("X-Ciclo-Timestamp");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = "sha256=" + HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
		assertThat(request.header("X-Ciclo-Signature")).isEqualTo(expected);
		// the replay window is the receiver's policy; the timestamp is the time of the attempt
		assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
				org.assertj.core.data.Offset.offset(3600L));
	}

	private List<Receiver.Received> awaitRequests(Receiver receiver, String plan, int count) {
		return org.awaitility.Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
				.until(() -> receiver.receivedFor(plan), r -> r.size() >= count);
	}

	private JsonNode deliveries(String webhook) throws Exception {
		return getJson("/api/webhooks/" + webhook + "/deliveries");
	}

	private JsonNode awaitDelivery(String webhook, String plan, String state) {
		return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
			for (JsonNode d : deliveries(webhook)) {
				if (plan.equals(d.path("planId").asString()) && state.equals(d.path("state").asString())) {
					return d;
				}
			}
			return null;
		}, d -> d != null);
	}

	@Test
	void aRecordedResultReachesTheReceiverSignedWithItsEventIdOnce() throws Exception {
		Receiver receiver = receiver(n -> 204);
		String webhook = register(receiver, "ResultRecorded");
		String plan = plan();
		String eventId = UUID.randomUUID().toString();

		String event = resultRecorded(plan, ENTITY, eventId, "ResultRecorded");
		Events.publish("result-events", plan, event);
		// the same event again (a producer's re-send), then another one behind it on the same partition
		Events.publish("result-events", plan, event);
		String second = UUID.randomUUID().toString();
		Events.publish("result-events", plan, resultRecorded(plan, ENTITY, second, "ResultRecorded"));

		List<Receiver.Received> received = awaitRequests(receiver, plan, 2);
		awaitDelivery(webhook, plan, "DELIVERED");
		Receiver.Received first = received.get(0);
		assertSigned(first);
		assertThat(first.header("X-Ciclo-Event-Id")).isEqualTo(eventId);
		assertThat(first.header("X-Ciclo-Event-Type")).isEqualTo("ResultRecorded");
		assertThat(first.header("X-Ciclo-Webhook")).isEqualTo(webhook);
		assertThat(first.header("X-Ciclo-Delivery")).isEqualTo(webhook + ":" + eventId);
		assertThat(first.header("X-Ciclo-Attempt")).isEqualTo("1");
		assertThat(first.header("Content-Type")).startsWith("application/json");
		JsonNode body = Seed.JSON.readTree(first.body());
		assertThat(body.path("eventId").asString()).isEqualTo(eventId);
		assertThat(body.path("eventType").asString()).isEqualTo("ResultRecorded");
		assertThat(body.path("entity").asString()).isEqualTo(ENTITY);
		assertThat(body.path("planId").asString()).isEqualTo(plan);
		assertThat(body.path("data").path("indicator").asString()).isEqualTo("3");
		assertThat(body.path("data").path("value").path("number").decimalValue()).isEqualByComparingTo("82.70");
		assertThat(received).extracting(r -> r.header("X-Ciclo-Event-Id")).containsExactly(eventId, second);
	}

	@Test
	void failedAttemptsAreRetriedWithBackOffUntilTheReceiverAccepts() throws Exception {
		Receiver receiver = receiver(n -> n == 1 ? 500 : n == 2 ? 503 : 200);
		String webhook = register(receiver, "ResultRecorded");
		String plan = plan();

		Events.publish("result-events", plan, resultRecorded(plan, ENTITY, UUID.randomUUID().toString(),
				"ResultRecorded"));

		JsonNode delivered = awaitDelivery(webhook, plan, "DELIVERED");
		List<Receiver.Received> received = receiver.receivedFor(plan);
		assertThat(received).extracting(r -> r.header("X-Ciclo-Attempt")).containsExactly("1", "2", "3");
		for (Receiver.Received r : received) {
			assertSigned(r);
			assertThat(r.body()).isEqualTo(received.get(0).body());
		}
		assertThat(delivered.path("attempts").asInt()).isEqualTo(3);
		assertThat(delivered.path("log")).extracting(a -> a.path("status").asInt()).containsExactly(500, 503, 200);
		assertThat(delivered.path("log").get(0).path("error").asString()).isEqualTo("http-500");
		// the second attempt waited at least the first back-off (200 ms), the third at least twice that
		Instant one = Instant.parse(delivered.path("log").get(0).path("at").asString());
		Instant two = Instant.parse(delivered.path("log").get(1).path("at").asString());
		Instant three = Instant.parse(delivered.path("log").get(2).path("at").asString());
		assertThat(Duration.between(one, two)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(Duration.between(two, three)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void afterTheLastFailedAttemptTheDeliveryIsADeadLetterThatCanBeSentAgain() throws Exception {
		Receiver receiver = receiver(n -> n <= 3 ? 500 : 200);
		String webhook = register(receiver, "ResultRecorded");
		String plan = plan();

		Events.publish("result-events", plan, resultRecorded(plan, ENTITY, UUID.randomUUID().toString(),
				"ResultRecorded"));

		JsonNode dead = awaitDelivery(webhook, plan, "DEAD");
		assertThat(dead.path("attempts").asInt()).isEqualTo(3);
		assertThat(dead.path("lastStatus").asInt()).isEqualTo(500);
		assertThat(dead.path("deadAt").isNull()).isFalse();
		assertThat(receiver.receivedFor(plan)).hasSize(3);
		JsonNode letters = getJson("/api/webhooks/dead-letters");
		assertThat(letters.valueStream().map(d -> d.path("id").asString()))
				.contains(dead.path("id").asString());

		mvc.perform(post("/api/webhooks/dead-letters/" + dead.path("id").asString() + "/redelivery"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());

		JsonNode delivered = awaitDelivery(webhook, plan, "DELIVERED");
		assertThat(receiver.receivedFor(plan)).hasSize(4);
		assertThat(delivered.path("log")).extracting(a -> a.path("status").asInt()).containsExactly(500, 500, 500,
				200);
		// a delivered one is no dead letter: sending it again is refused
		var again = mvc.perform(post("/api/webhooks/dead-letters/" + dead.path("id").asString() + "/redelivery"))
				.andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(409);
	}

	@Test
	void aReceiverThatHangsHoldsNeitherTheOtherReceiversNorTheConsumer() throws Exception {
		Receiver hanging = receiver(n -> 200);
		hanging.hang();
		Receiver quick = receiver(n -> 200);
		String slowHook = register(hanging, "ResultRecorded");
		register(quick, "ResultRecorded");
		String plan = plan();

		Events.publish("result-events", plan, resultRecorded(plan, ENTITY, UUID.randomUUID().toString(),
				"ResultRecorded"));
		awaitRequests(hanging, plan, 1);
		// while the first receiver still holds its request, events behind it are consumed and sent elsewhere
		Events.publish("result-events", plan, resultRecorded(plan, ENTITY, UUID.randomUUID().toString(),
				"ResultRecorded"));
		awaitRequests(quick, plan, 2);

		// the hanging request times out (2 s in the tests) and is tried again
		JsonNode retried = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
			for (JsonNode d : deliveries(slowHook)) {
				if (d.path("log").size() > 0 && "timeout".equals(d.path("log").get(0).path("error").asString())) {
					return d;
				}
			}
			return null;
		}, d -> d != null);
		assertThat(retried.path("log").get(0).path("status").isNull()).isTrue();
		hanging.release();
	}

	@Test
	void theHrFeedIsAnnouncedWithoutItsRows() throws Exception {
		Receiver receiver = receiver(n -> 200);
		register(receiver, "HrFeedPublished");
		String plan = plan();

		Events.publish("hr-feed", plan, """
				{"type":"HrFeedPublished","eventId":"%s","planId":"%s","entity":"%s","checkpoint":"2018-12-31",
				 "closing":1,"status":"FINAL","payable":true,"occurredAt":"%s",
				 "rows":[{"manager":"dazzeo","premium":1234.5},{"manager":"ziletti","premium":999}]}"""
				.formatted(UUID.randomUUID(), plan, ENTITY, Instant.now()));

		Receiver.Received request = awaitRequests(receiver, plan, 1).get(0);
		assertSigned(request);
		JsonNode data = Seed.JSON.readTree(request.body()).path("data");
		assertThat(data.has("rows")).isFalse();
		assertThat(request.body()).doesNotContain("premium").doesNotContain("dazzeo");
		assertThat(data.path("rowCount").asInt()).isEqualTo(2);
		assertThat(data.path("hrFeed").asString()).isEqualTo("/api/plans/" + plan + "/checkpoints/2018-12-31/hr-feed");
		assertThat(data.path("status").asString()).isEqualTo("FINAL");
	}

	@Test
	void aClosedCheckpointIsDelivered() throws Exception {
		Receiver receiver = receiver(n -> 200);
		register(receiver, "CheckpointClosed");
		String plan = plan();

		// through the consumer itself: on checkpoint-events, scoring would keep this unknown plan's closing pending
		intake.accept(MessageBuilder.withPayload("""
				{"type":"CheckpointClosed","eventId":"%s","planId":"%s","entity":"%s","checkpoint":"2018-06-30",
				 "status":"CLOSED","closing":1,"occurredAt":"%s","causedBy":"oiv","verdicts":[]}"""
				.formatted(UUID.randomUUID(), plan, ENTITY, Instant.now()).getBytes(StandardCharsets.UTF_8))
				.setHeader("eventType", "CheckpointClosed".getBytes(StandardCharsets.UTF_8)).build());

		Receiver.Received request = awaitRequests(receiver, plan, 1).get(0);
		assertSigned(request);
		assertThat(request.header("X-Ciclo-Event-Type")).isEqualTo("CheckpointClosed");
		assertThat(Seed.JSON.readTree(request.body()).path("data").path("closing").asInt()).isEqualTo(1);
	}

	@Test
	void onlyTheEntitysEventsOfTheTypesSubscribedAreSent() throws Exception {
		Receiver results = receiver(n -> 200);
		Receiver feeds = receiver(n -> 200);
		register(results, "ResultRecorded");
		register(feeds, "HrFeedPublished");
		String plan = plan();

		Events.publish("result-events", plan, resultRecorded(plan, "cciaa-bergamo", UUID.randomUUID().toString(),
				"ResultRecorded"));
		Events.publish("result-events", plan, resultRecorded(plan, ENTITY, UUID.randomUUID().toString(),
				"EvidenceAttached"));
		String marker = UUID.randomUUID().toString();
		Events.publish("result-events", plan, resultRecorded(plan, ENTITY, marker, "ResultRecorded"));

		// the events before the marker, on the same partition, were consumed before it
		awaitRequests(results, plan, 1);
		assertThat(results.receivedFor(plan)).extracting(r -> r.header("X-Ciclo-Event-Id")).containsExactly(marker);
		assertThat(feeds.receivedFor(plan)).isEmpty();
	}
}
