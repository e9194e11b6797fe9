package org.cicloperformance.monitoringservice.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cicloperformance.monitoringservice.outbox.OutboxSource.Pending;
import org.cicloperformance.monitoringservice.result.ResultDocument.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Relays every outbox (results to {@code result-events}, checkpoints to {@code checkpoint-events}). Each pending
 * event is sent synchronously (the bindings are {@code sync}, the producer idempotent with {@code acks=all}) and
 * only then pulled from its document, so a crash between the two re-sends it: at-least-once, consumers deduplicate
 * by eventId. A failed send (broker down) stops the round; the next round retries from the same event, keeping
 * each document's events in order.
 */
@Component
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final List<OutboxSource> sources;

	private final StreamBridge bridge;

	private final Clock clock;

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong oldestCreatedAt = new AtomicLong();

	OutboxRelay(List<OutboxSource> sources, StreamBridge bridge, Clock clock, MeterRegistry meters) {
		this.sources = List.copyOf(sources);
		this.bridge = bridge;
		this.clock = clock;
		Gauge.builder("monitoring.outbox.backlog", backlog, AtomicLong::get)
				.description("Events written to an outbox and not yet acknowledged by Kafka")
				.register(meters);
		Gauge.builder("monitoring.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
				.description("Age of the oldest unpublished event")
				.baseUnit("seconds")
				.register(meters);
	}

	@Scheduled(fixedDelayString = "${monitoring.outbox.relay-delay-ms:200}",
			initialDelayString = "${monitoring.outbox.relay-delay-ms:200}")
	void relay() {
		List<Pending> all = new ArrayList<>();
		for (OutboxSource source : sources) {
			List<Pending> pending;
			try {
				pending = source.pending();
			}
			catch (RuntimeException e) {
				log.warn("Outbox relay cannot read the outbox of {}: {}", source.binding(), e.getMessage());
				continue;
			}
			all.addAll(pending);
			for (Pending document : pending) {
				for (OutboxEntry entry : document.events()) {
					if (!send(source.binding(), entry)) {
						measure(all);
						return;
					}
					source.remove(document.documentId(), entry.eventId());
				}
			}
		}
		if (all.isEmpty()) {
			measure(all);
			return;
		}
		List<Pending> left = new ArrayList<>();
		sources.forEach(s -> left.addAll(s.pending()));
		measure(left);
	}

	private boolean send(String binding, OutboxEntry entry) {
		Message<byte[]> message = MessageBuilder.withPayload(entry.payload().getBytes(StandardCharsets.UTF_8))
				.setHeader(KafkaHeaders.KEY, entry.key().getBytes(StandardCharsets.UTF_8))
				.setHeader("eventType", entry.eventType())
				.setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
				.build();
		try {
			if (bridge.send(binding, message)) {
				return true;
			}
			log.warn("Outbox relay: event {} not sent, will retry", entry.eventId());
		}
		catch (RuntimeException e) {
			log.warn("Outbox relay: event {} not sent, will retry: {}", entry.eventId(), e.getMessage());
		}
		return false;
	}

	private void measure(List<Pending> pending) {
		backlog.set(pending.stream().mapToLong(d -> d.events().size()).sum());
		oldestCreatedAt.set(pending.stream().flatMap(d -> d.events().stream())
				.mapToLong(OutboxEntry::createdAt).min().orElse(0));
	}

	private double oldestAgeSeconds() {
		long oldest = oldestCreatedAt.get();
		return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
	}
}
