package org.cicloperformance.planservice.plan.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cicloperformance.planservice.plan.OutboxEntry;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the events waiting in plan documents to {@code plan-events}, outside any request. The producer binding is
 * synchronous: an entry is removed only after the broker acknowledged it, so a broker outage delays events but
 * never loses them (at-least-once; consumers are idempotent).
 */
@Component
class OutboxRelay {

	static final String BINDING = "planEvents-out-0";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final PlanRepository plans;

	private final StreamBridge bridge;

	private final Clock clock;

	private final Counter published;

	private final Counter failures;

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong oldestAgeSeconds = new AtomicLong();

	OutboxRelay(PlanRepository plans, StreamBridge bridge, Clock clock, MeterRegistry registry) {
		this.plans = plans;
		this.bridge = bridge;
		this.clock = clock;
		this.published = Counter.builder("plan.events.published").description("Plan events acknowledged by Kafka")
			.register(registry);
		this.failures = Counter.builder("plan.events.publish.failures")
			.description("Attempts to publish a plan event that failed (retried later)")
			.register(registry);
		Gauge.builder("plan.outbox.backlog", backlog, AtomicLong::get)
			.description("Plan events stored but not yet acknowledged by Kafka")
			.register(registry);
		Gauge.builder("plan.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
			.baseUnit("seconds")
			.description("Age of the oldest plan event not yet acknowledged by Kafka")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${plan.outbox.relay-interval:500ms}")
	void relay() {
		var pending = plans.withPendingEvents(100);
		updateGauges(pending);
		for (var plan : pending) {
			for (var entry : plan.outbox()) {
				if (!send(plan, entry)) {
					return; // the broker is unreachable: keep order, try again on the next tick
				}
				plans.removeFromOutbox(plan.id(), entry.eventId());
				published.increment();
			}
		}
	}

	private boolean send(Plan plan, OutboxEntry entry) {
		try {
			var message = MessageBuilder.withPayload(PlanEvents.of(plan, entry))
				.setHeader(KafkaHeaders.KEY, plan.id().getBytes(StandardCharsets.UTF_8))
				.setHeader("eventType", entry.type())
				.build();
			if (bridge.send(BINDING, message)) {
				return true;
			}
		}
		catch (RuntimeException e) {
			log.warn("Plan event {} of {} not published yet: {}", entry.eventId(), plan.id(), e.getMessage());
		}
		failures.increment();
		return false;
	}

	private void updateGauges(List<Plan> pending) {
		backlog.set(pending.stream().mapToLong(p -> p.outbox().size()).sum());
		oldestAgeSeconds.set(pending.stream()
			.flatMap(p -> p.outbox().stream())
			.map(OutboxEntry::createdAt)
			.min(Comparator.naturalOrder())
			.map(oldest -> Duration.between(oldest, clock.instant()).toSeconds())
			.orElse(0L));
	}
}
