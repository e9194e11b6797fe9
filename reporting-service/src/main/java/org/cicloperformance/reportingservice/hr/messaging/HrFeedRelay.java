package org.cicloperformance.reportingservice.hr.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cicloperformance.reportingservice.checkpoint.HrFeedOutbox;
import org.cicloperformance.reportingservice.checkpoint.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the {@code hr-feed} events waiting in their documents, oldest first, outside any consumer. The binding is
 * synchronous (idempotent producer, {@code acks=all}): an event leaves its document only once Kafka acknowledged
 * it, so a crash in between sends it again (consumers deduplicate by {@code eventId}); a failed send ends the round
 * and the next one starts again from that event, keeping the order.
 */
@Component
class HrFeedRelay {

	static final String BINDING = "hrFeed-out-0";

	private static final Logger log = LoggerFactory.getLogger(HrFeedRelay.class);

	private final HrFeedOutbox outbox;

	private final StreamBridge bridge;

	private final MeterRegistry meters;

	HrFeedRelay(HrFeedOutbox outbox, StreamBridge bridge, MeterRegistry meters) {
		this.outbox = outbox;
		this.bridge = bridge;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "#{@'" + HrFeedRelaySettings.BEAN + "'.relayInterval().toMillis()}",
			initialDelayString = "#{@'" + HrFeedRelaySettings.BEAN + "'.relayInterval().toMillis()}")
	void relay() {
		List<HrFeedOutbox.Pending> pending;
		try {
			pending = outbox.pendingForRound();
		}
		catch (RuntimeException e) {
			log.warn("HR feed outbox not readable now, retried on the next round: {}", e.getMessage());
			return;
		}
		for (HrFeedOutbox.Pending next : pending) {
			if (!acknowledged(next.event())) {
				outbox.queued();
				return;
			}
			outbox.remove(next);
			meters.counter("reporting.hrfeed.published", "type", next.event().eventType()).increment();
		}
	}

	private boolean acknowledged(OutboxEntry event) {
		Message<byte[]> message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
				.setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
				// bytes, not a String: the binder then adds no spring_json_header_types header naming Java classes
				.setHeader("eventType", event.eventType().getBytes(StandardCharsets.UTF_8)).build();
		try {
			if (bridge.send(BINDING, message)) {
				return true;
			}
			log.warn("{} {} not acknowledged, sent again on the next round", event.eventType(), event.eventId());
		}
		catch (RuntimeException e) {
			log.warn("{} {} not sent, sent again on the next round: {}", event.eventType(), event.eventId(),
					e.getMessage());
		}
		return false;
	}
}
