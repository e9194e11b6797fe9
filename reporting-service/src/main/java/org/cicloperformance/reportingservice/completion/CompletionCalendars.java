package org.cicloperformance.reportingservice.completion;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import org.cicloperformance.reportingservice.score.Outcome;
import org.cicloperformance.reportingservice.score.ScoresChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The reporting calendars as monitoring-service publishes them ({@code CalendarSet} on {@code checkpoint-events}):
 * one document per (plan, checkpoint), replaced only by a newer revision, in one single-document upsert whose filter
 * asks for an older revision (a newer one stored makes the upsert's insert a duplicate key: nothing changes). So a
 * replay or an event out of order never goes back.
 */
@Component
public class CompletionCalendars {

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher events;

	CompletionCalendars(MongoTemplate mongo, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.events = events;
	}

	Optional<CompletionCalendar> find(String planId, String checkpoint) {
		return Optional.ofNullable(
				mongo.findById(CompletionCalendar.idOf(planId, checkpoint), CompletionCalendar.class));
	}

	/** Stores the calendar unless a revision as new is stored; the open pages of the plan are told to refresh. */
	public Outcome onEvent(CalendarSetEvent event) {
		String id = CompletionCalendar.idOf(event.planId(), event.checkpoint());
		Update update = new Update().set("planId", event.planId()).set("entity", event.entity())
				.set("checkpoint", event.checkpoint()).set("revision", event.revision())
				.set("opensOn", event.opensOn()).set("closesOn", event.closesOn())
				.set("assignments", event.assignments() == null ? java.util.List.of() : event.assignments())
				.set("occurredAt", event.occurredAt());
		try {
			mongo.upsert(Query.query(where("_id").is(id).and("revision").lt(event.revision())), update,
					CompletionCalendar.class);
		}
		catch (DuplicateKeyException newerStored) {
			return Outcome.UNCHANGED;
		}
		// not a score, but the same signal makes the open completion page fetch itself again
		events.publishEvent(new ScoresChanged(event.planId(), event.checkpoint(), -event.revision()));
		return Outcome.RECORDED;
	}
}
