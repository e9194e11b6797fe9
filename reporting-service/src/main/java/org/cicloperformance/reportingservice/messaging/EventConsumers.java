package org.cicloperformance.reportingservice.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cicloperformance.reportingservice.checkpoint.CheckpointEvent;
import org.cicloperformance.reportingservice.checkpoint.CheckpointService;
import org.cicloperformance.reportingservice.completion.CalendarSetEvent;
import org.cicloperformance.reportingservice.completion.CompletionCalendars;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.score.Outcome;
import org.cicloperformance.reportingservice.score.ScoringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The functional consumers of {@code plan-events}, {@code result-events} and {@code checkpoint-events}. They work synchronously: the binder
 * commits the offset only after the function returned, that is after the read model was written; an exception is
 * retried ({@code max-attempts}) and then sent to the dead-letter topic ({@link DeadLetters} for the batches of
 * {@code result-events}).
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

	private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

	private static final String RESULT_RECORDED = "ResultRecorded";

	/**
	 * The values of the metric tag {@code type}: the event types the platform publishes and the classes read when an
	 * event has none. Anything else is counted as {@code other}, so that a producer's bad input cannot create an
	 * unbounded number of time series (issue 14).
	 */
	static final Set<String> TYPE_TAGS = Set.of("PlanPublished", "PlanRevised", RESULT_RECORDED, "EvidenceAttached",
			"CheckpointSubmitted", "CheckpointReviewStarted", "VerdictRecorded", "CheckpointClosed",
			"CheckpointReopened", PlanEvent.class.getSimpleName(), ResultEvent.class.getSimpleName(),
			CheckpointEvent.class.getSimpleName(), "CalendarSet");

	static final String OTHER_TYPE = "other";

	private final ScoringService scoring;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final Clock clock;

	EventConsumers(ScoringService scoring, JsonMapper json, MeterRegistry meters, Clock clock) {
		this.scoring = scoring;
		this.json = json;
		this.meters = meters;
		this.clock = clock;
	}

	@Bean
	Consumer<Message<byte[]>> planEvents() {
		return message -> consume(message, PlanEvent.class, event -> {
			require(event.planId() != null && !event.planId().isBlank(), "planId");
			require(event.version() != null && event.version() >= 1, "version");
			require(event.plan() != null, "plan");
			return scoring.onPlanVersion(event);
		}, PlanEvent::type, PlanEvent::occurredAt);
	}

	/**
	 * Result events come in batches (the records of one poll): they are scored together, each touched score
	 * document written once. An event that cannot be read stops the batch there: the events before it are scored,
	 * and it is reported by its index, so that the container's error handler commits what precedes it, retries it
	 * ({@code max-attempts}) and then parks it on the dead-letter topic, and delivers the rest again. A batch that
	 * fails while scoring is scored again one event at a time, to find the event that fails.
	 */
	@Bean
	Consumer<List<byte[]>> resultEvents() {
		return payloads -> {
			List<ResultEvent> readable = new ArrayList<>(payloads.size());
			// where each readable event is in the batch: the error handler needs the failed record's own index
			List<Integer> positions = new ArrayList<>(payloads.size());
			RuntimeException unreadable = null;
			int unreadableAt = -1;
			String typeTag = ResultEvent.class.getSimpleName();
			for (int i = 0; i < payloads.size(); i++) {
				typeTag = ResultEvent.class.getSimpleName();
				try {
					ResultEvent event = read(payloads.get(i), ResultEvent.class);
					typeTag = typeOf(event);
					if (!scored(event)) {
						// e.g. EvidenceAttached: the topic carries more than results, and they change no score
						counted(typeTag, Outcome.IGNORED, null);
						continue;
					}
					requireValid(event);
					readable.add(event);
					positions.add(i);
				}
				catch (RuntimeException e) {
					unreadable = e;
					unreadableAt = i;
					break;
				}
			}
			scoreResults(readable, positions);
			if (unreadable != null) {
				throw failed(typeTag, unreadable, unreadableAt);
			}
		};
	}

	/** Results are scored; an event without a type is read as one, as before the topic carried other types. */
	private static boolean scored(ResultEvent event) {
		return event.type() == null || RESULT_RECORDED.equals(event.type());
	}

	private void scoreResults(List<ResultEvent> events, List<Integer> positions) {
		if (events.isEmpty()) {
			return;
		}
		List<Outcome> outcomes;
		try {
			outcomes = scoring.onResults(events);
		}
		catch (RuntimeException batchFailed) {
			log.warn("a batch of {} result events was not scored ({}): scoring them one at a time", events.size(),
					batchFailed.getMessage());
			for (int i = 0; i < events.size(); i++) {
				ResultEvent event = events.get(i);
				try {
					counted(typeOf(event), scoring.onResult(event), event.recordedAt());
				}
				catch (RuntimeException e) {
					throw failed(typeOf(event), e, positions.get(i));
				}
			}
			return;
		}
		for (int i = 0; i < events.size(); i++) {
			ResultEvent event = events.get(i);
			counted(typeOf(event), outcomes.get(i), event.recordedAt());
		}
	}

	private BatchListenerFailedException failed(String typeTag, RuntimeException cause, int index) {
		meters.counter("reporting.events.consumed", "type", tag(typeTag), "outcome", "failed").increment();
		log.warn("{} not consumed, to be retried or dead-lettered: {}", typeTag, cause.getMessage());
		return new BatchListenerFailedException(typeTag + " not consumed: " + cause.getMessage(), cause, index);
	}

	private static String typeOf(ResultEvent event) {
		return event.type() == null ? ResultEvent.class.getSimpleName() : event.type();
	}

	private static void requireValid(ResultEvent event) {
		require(event.planId() != null && !event.planId().isBlank(), "planId");
		require(event.objective() != null && event.indicator() != null, "objective/indicator");
		require(event.checkpoint() != null, "checkpoint");
		require(event.resultVersion() != null && event.resultVersion() >= 1, "resultVersion");
	}

	/** The OIV validation workflow; closings and reopenings make the HR feed final or provisional. */
	@Bean
	Consumer<Message<byte[]>> checkpointEvents(CheckpointService checkpoints, CompletionCalendars calendars) {
		return message -> consume(message, CheckpointEvent.class, event -> {
			if (CalendarSetEvent.TYPE.equals(event.type())) {
				// the reporting calendar (issue 18), for the completion board
				CalendarSetEvent calendar = read(message.getPayload(), CalendarSetEvent.class);
				String invalidCalendar = calendar.invalidField();
				require(invalidCalendar == null, invalidCalendar);
				return calendars.onEvent(calendar);
			}
			String invalid = event.invalidField();
			require(invalid == null, invalid);
			return checkpoints.onEvent(event);
		}, CheckpointEvent::type, CheckpointEvent::occurredAt);
	}

	private <E> void consume(Message<byte[]> message, Class<E> type, Function<E, Outcome> handler,
			Function<E, String> eventType, Function<E, Instant> eventTime) {
		String typeTag = type.getSimpleName();
		try {
			E event = read(message.getPayload(), type);
			typeTag = eventType.apply(event) == null ? typeTag : eventType.apply(event);
			counted(typeTag, handler.apply(event), eventTime.apply(event));
		}
		catch (RuntimeException e) {
			meters.counter("reporting.events.consumed", "type", tag(typeTag), "outcome", "failed").increment();
			log.warn("{} not consumed, to be retried or dead-lettered: {}", typeTag, e.getMessage());
			throw e;
		}
	}

	private void counted(String typeTag, Outcome outcome, Instant time) {
		meters.counter("reporting.events.consumed", "type", tag(typeTag), "outcome", outcome.tag()).increment();
		if (outcome == Outcome.SCORED && time != null) {
			Timer.builder("reporting.scoring.latency").description("event time to score written").tag("type", tag(typeTag))
					.register(meters).record(Duration.between(time, clock.instant()).abs());
		}
	}

	/** The event type as a metric tag: one of {@link #TYPE_TAGS}, else {@code other}. */
	static String tag(String type) {
		return type != null && TYPE_TAGS.contains(type) ? type : OTHER_TYPE;
	}

	private <E> E read(byte[] payload, Class<E> type) {
		try {
			return json.readValue(payload, type);
		}
		catch (JacksonException e) {
			throw new InvalidEventException("unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
		}
	}

	private static void require(boolean condition, String field) {
		if (!condition) {
			throw new InvalidEventException("missing or invalid field " + field);
		}
	}
}
