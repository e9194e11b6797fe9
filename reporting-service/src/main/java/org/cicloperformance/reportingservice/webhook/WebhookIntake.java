package org.cicloperformance.reportingservice.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The functional consumers of the webhooks, in their own consumer group ({@code reporting-service-webhooks}):
 * {@code result-events}, {@code checkpoint-events} and {@code hr-feed} are read a second time, apart from scoring,
 * so that webhooks never hold up a score and scoring never waits for a receiver. A consumer only queues: for each
 * subscription of the event's entity to its type, one delivery document (the body built once, signed when sent);
 * the {@link WebhookDispatcher} sends them. An event of a type nobody subscribes to is skipped by its
 * {@code eventType} header without being read.
 */
@Configuration(proxyBeanMethods = false)
class WebhookIntake {

	private final WebhookSubscriptions subscriptions;

	private final WebhookDeliveries deliveries;

	private final WebhookDispatcher dispatcher;

	private final JsonMapper json;

	private final Clock clock;

	WebhookIntake(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, WebhookDispatcher dispatcher,
			JsonMapper json, Clock clock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
		this.json = json;
		this.clock = clock;
	}

	@Bean
	Consumer<Message<byte[]>> webhookResults() {
		return this::accept;
	}

	@Bean
	Consumer<Message<byte[]>> webhookCheckpoints() {
		return this::accept;
	}

	@Bean
	Consumer<Message<byte[]>> webhookHrFeed() {
		return this::accept;
	}

	void accept(Message<byte[]> message) {
		String header = header(message.getHeaders().get("eventType"));
		if (header != null && (!WebhookEvents.KNOWN.contains(header) || !subscriptions.anyFor(header))) {
			return;
		}
		accept(message.getPayload());
	}

	/** Queues the deliveries of one event; an unreadable event fails (retried, then the binding's DLQ). */
	void accept(byte[] payload) {
		JsonNode event;
		try {
			event = json.readTree(payload);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("unreadable event: " + e.getOriginalMessage(), e);
		}
		if (!event.isObject()) {
			throw new IllegalArgumentException("not a JSON object");
		}
		String type = text(event, "type");
		String entity = text(event, "entity");
		if (type == null || !WebhookEvents.KNOWN.contains(type) || entity == null) {
			return;
		}
		Instant at = time(event, type.equals(WebhookEvents.RESULT_RECORDED) ? "recordedAt" : "occurredAt");
		List<Subscription> wanted = subscriptions.matching(entity, type, at);
		if (wanted.isEmpty()) {
			return;
		}
		String eventId = text(event, "eventId");
		if (eventId == null) {
			eventId = UUID.nameUUIDFromBytes(payload).toString();
		}
		String planId = text(event, "planId");
		String body = body(event, type, eventId, entity, planId, at);
		Instant now = clock.instant();
		String id = eventId;
		deliveries.enqueue(wanted.stream().map(s -> WebhookDeliveries.pending(s.id(), entity, id, type, planId, body,
				now)).toList());
		dispatcher.wake();
	}

	/**
	 * The body every subscriber receives: an envelope and the event as published ({@code data}). The HR feed's rows
	 * hold each manager's premiums, readable only by HR, OIV and the planner: a webhook carries how many there are
	 * and where to read them ({@code hrFeed}), never the rows.
	 */
	private String body(JsonNode event, String type, String eventId, String entity, String planId, Instant at) {
		ObjectNode data = (ObjectNode) event.deepCopy();
		if (type.equals(WebhookEvents.HR_FEED_PUBLISHED)) {
			JsonNode rows = data.remove("rows");
			data.put("rowCount", rows != null && rows.isArray() ? rows.size() : 0);
			String checkpoint = text(event, "checkpoint");
			if (planId != null && checkpoint != null) {
				data.put("hrFeed", "/api/plans/" + segment(planId)
						+ "/checkpoints/" + segment(checkpoint) + "/hr-feed");
			}
		}
		ObjectNode envelope = json.createObjectNode();
		envelope.put("eventId", eventId);
		envelope.put("eventType", type);
		envelope.put("occurredAt", at == null ? null : at.toString());
		envelope.put("entity", entity);
		envelope.put("planId", planId);
		envelope.set("data", data);
		return json.writeValueAsString(envelope);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
	}

	private static Instant time(JsonNode node, String field) {
		String value = text(node, field);
		try {
			return value == null ? null : Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String segment(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String header(Object value) {
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return value == null ? null : value.toString();
	}

}
