package org.cicloperformance.planservice.plan.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.cicloperformance.planservice.plan.OutboxEntry;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends the events waiting in plan documents to {@code plan-events}, outside any request. The producer binding is
 * synchronous: an entry is removed only after the broker acknowledged it, so a broker outage delays events but
 * never loses them (at-least-once; consumers are idempotent).
 * <p>
 * Failures are of two kinds. One the broker may cure — it is down, slow, electing a leader — stops the pass, and
 * every event waits for the next one in its order. One it never will — the record is too large, the event cannot be
 * serialised — would otherwise be retried forever and freeze every plan behind it: that event is parked with its
 * reason ({@link ParkedEvents}, metric {@code plan.outbox.parked}) and the pass goes on, including with the later
 * events of the same plan. Each event carries the complete content of its version, so a consumer that misses a
 * parked version still holds the whole plan with the next one; docs/architecture.md says why this order was chosen.
 * <p>
 * Each pass reads, by id, the plans this process wrote since the last one ({@link PlanRepository#takeWritten}) and those whose
 * events could not be sent yet. A sweep of the whole collection, for events that another process stored and did not
 * relay (it stopped, or crashed after its write), runs on the first pass and then every
 * {@code plan.outbox.sweep-interval}.
 */
@Component
class OutboxRelay implements SchedulingConfigurer {

	static final String BINDING = "planEvents-out-0";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** At most this many plans found by one sweep; the rest wait for the next one. */
	static final int SWEEP_LIMIT = 10_000;

	private final PlanRepository plans;

	private final ParkedEvents parked;

	private final StreamBridge bridge;

	private final Clock clock;

	private final Duration interval;

	private final Duration sweepInterval;

	private volatile Instant nextSweep = Instant.MIN;

	/** The creation times of the events still waiting, per plan, as last read: the backlog gauges. */
	private final Map<String, List<Instant>> waiting = new ConcurrentHashMap<>();

	private final Counter published;

	private final Counter failures;

	private final Counter parkedCount;

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong oldestAgeSeconds = new AtomicLong();

	OutboxRelay(PlanRepository plans, ParkedEvents parked, StreamBridge bridge, Clock clock,
			MeterRegistry registry, EventSettings settings) {
		this.plans = plans;
		this.parked = parked;
		this.bridge = bridge;
		this.clock = clock;
		this.interval = settings.relayInterval();
		this.sweepInterval = settings.sweepInterval();
		this.published = Counter.builder("plan.events.published").description("Plan events acknowledged by Kafka")
			.register(registry);
		this.failures = Counter.builder("plan.events.publish.failures")
			.description("Attempts to publish a plan event that failed (retried later)")
			.register(registry);
		this.parkedCount = Counter.builder("plan.outbox.parked")
			.description("Plan events the broker refused for good, parked in parked_events")
			.register(registry);
		Gauge.builder("plan.outbox.backlog", backlog, AtomicLong::get)
			.description("Plan events stored but not yet acknowledged by Kafka")
			.register(registry);
		Gauge.builder("plan.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
			.baseUnit("seconds")
			.description("Age of the oldest plan event not yet acknowledged by Kafka")
			.register(registry);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::relay, interval);
	}

	void relay() {
		var ids = new LinkedHashSet<>(plans.takeWritten());
		Instant now = clock.instant();
		if (!now.isBefore(nextSweep)) {
			nextSweep = now.plus(sweepInterval);
			var pending = plans.withPendingEvents(SWEEP_LIMIT);
			waiting.keySet().retainAll(pending);
			ids.addAll(pending);
		}
		var left = new ArrayList<>(ids);
		try {
			for (var id : ids) {
				if (!relay(id)) {
					plans.lookAgain(left); // the broker is unreachable: keep order, try again on the next pass
					return;
				}
				left.remove(id);
			}
		}
		finally {
			updateGauges();
		}
	}

	/** Sends the events of one plan in order: false when the broker cannot take them now. */
	private boolean relay(String id) {
		var plan = plans.findById(id).orElse(null);
		if (plan == null || plan.outbox().isEmpty()) {
			waiting.remove(id);
			return true;
		}
		var outbox = new ArrayList<>(plan.outbox());
		waiting.put(id, outbox.stream().map(OutboxEntry::createdAt).toList());
		while (!outbox.isEmpty()) {
			var entry = outbox.get(0);
			switch (send(plan, entry)) {
				case SENT -> published.increment();
				case REFUSED_FOR_GOOD -> parkedCount.increment();
				case NOT_NOW -> {
					failures.increment();
					return false;
				}
			}
			plans.removeFromOutbox(plan.id(), entry.eventId());
			outbox.remove(0);
			waiting.put(id, outbox.stream().map(OutboxEntry::createdAt).toList());
		}
		waiting.remove(id);
		return true;
	}

	/** The next pass sweeps the whole collection (tests; an operator's nudge would use it too). */
	void sweepOnNextPass() {
		nextSweep = Instant.MIN;
	}

	private enum Outcome {
		SENT, NOT_NOW, REFUSED_FOR_GOOD
	}

	private Outcome send(Plan plan, OutboxEntry entry) {
		try {
			var message = MessageBuilder.withPayload(PlanEvents.of(plan, entry))
				.setHeader(KafkaHeaders.KEY, plan.id().getBytes(StandardCharsets.UTF_8))
				// bytes, not a String: the binder then adds no spring_json_header_types header naming Java classes
				.setHeader("eventType", entry.type().getBytes(StandardCharsets.UTF_8))
				.build();
			if (bridge.send(BINDING, message)) {
				return Outcome.SENT;
			}
			log.warn("Plan event {} of {} not published yet: the binding refused it", entry.eventId(), plan.id());
			return Outcome.NOT_NOW;
		}
		catch (RuntimeException e) {
			var reason = neverSendable(e);
			if (reason == null) {
				log.warn("Plan event {} of {} not published yet: {}", entry.eventId(), plan.id(), e.getMessage());
				return Outcome.NOT_NOW;
			}
			log.error("Plan event {} of {} parked ({}): {}", entry.eventId(), plan.id(), reason, e.getMessage());
			parked.park(new ParkedEvent(entry.eventId(), plan.id(), plan.entity(), entry.type(), entry.version(), reason,
					rootMessage(e), entry.createdAt(), clock.instant()));
			return Outcome.REFUSED_FOR_GOOD;
		}
	}

	/** @return the reason an event can never be sent, or null when retrying may succeed (the default) */
	static String neverSendable(Throwable e) {
		for (var cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException) {
				return "event-too-large";
			}
			if (cause instanceof SerializationException || cause instanceof MessageConversionException
					|| cause instanceof tools.jackson.core.JacksonException) {
				return "not-serialisable";
			}
			if (cause instanceof PlanEvents.MissingVersionException) {
				return "version-missing";
			}
		}
		return null;
	}

	private static String rootMessage(Throwable e) {
		var root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private void updateGauges() {
		backlog.set(waiting.values().stream().mapToLong(List::size).sum());
		oldestAgeSeconds.set(waiting.values().stream()
			.flatMap(List::stream)
			.filter(java.util.Objects::nonNull)
			.min(Comparator.naturalOrder())
			.map(oldest -> Duration.between(oldest, clock.instant()).toSeconds())
			.orElse(0L));
	}
}
