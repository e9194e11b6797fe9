package org.cicloperformance.reportingservice.checkpoint;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Collection {@code checkpoints}. Each event is ONE single-document atomic upsert keyed by {@code _id} only (a
 * filter on other fields makes mongo-java-server scan the collection) whose operators are idempotent: entries made
 * from the event alone go in with {@code $addToSet}, so a duplicate or a replay adds nothing.
 */
@Component
public class CheckpointStates {

	private final MongoTemplate mongo;

	CheckpointStates(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<CheckpointState> find(String planId, String checkpoint) {
		return Optional.ofNullable(mongo.findById(CheckpointState.id(planId, checkpoint), CheckpointState.class));
	}

	/** Records the event; true when it was new to the state (false for a duplicate or a replay). */
	boolean record(CheckpointEvent event) {
		Update update = new Update().setOnInsert("planId", event.planId()).setOnInsert("checkpoint", event.checkpoint())
				.setOnInsert("entity", event.entity())
				.addToSet("transitions", new CheckpointState.Transition(event.eventId(), event.type(), event.status(),
						event.occurredAt(), event.causedBy()));
		switch (event.type()) {
			case CheckpointEvent.SUBMITTED -> update.addToSet("submissions", new CheckpointState.Submission(
					event.eventId(), event.manager(), event.commentary(),
					event.proposals() == null ? List.of() : event.proposals(), event.occurredAt(), event.causedBy()));
			case CheckpointEvent.VERDICT_RECORDED -> update.addToSet("verdicts", new CheckpointState.VerdictEntry(
					event.eventId(), event.objective(), event.indicator(), event.resultVersion(), event.verdict(),
					event.adjustedAchievement(), event.reason(), event.occurredAt(), event.causedBy()));
			case CheckpointEvent.CLOSED -> update
					.addToSet("closings", new CheckpointState.Closing(event.eventId(), event.closing(),
							event.occurredAt(), event.causedBy(), event.verdicts()))
					.addToSet("pendingClosings", event.closing());
			case CheckpointEvent.REOPENED -> update
					.addToSet("reopenings", new CheckpointState.Reopening(event.eventId(), event.closing(),
							event.reason(), event.occurredAt(), event.causedBy()))
					.pull("pendingClosings", event.closing());
			default -> {
				// the transition alone
			}
		}
		Query byId = Query.query(where("_id").is(CheckpointState.id(event.planId(), event.checkpoint())));
		FindAndModifyOptions before = FindAndModifyOptions.options().upsert(true).returnNew(false);
		CheckpointState previous;
		try {
			previous = mongo.findAndModify(byId, update, before, CheckpointState.class);
		}
		catch (DuplicateKeyException concurrentFirstEvent) {
			// two first events of the checkpoint upserted at once: the document exists now
			previous = mongo.findAndModify(byId, update, before, CheckpointState.class);
		}
		return previous == null
				|| previous.transitions().stream().noneMatch(t -> event.eventId().equals(t.eventId()));
	}

	/** Closing n needs no more work: its final scores are written, or it was reopened before they could be. */
	void settled(String planId, String checkpoint, int closing) {
		mongo.updateFirst(Query.query(where("_id").is(CheckpointState.id(planId, checkpoint))),
				new Update().pull("pendingClosings", closing), CheckpointState.class);
	}

	/** The checkpoints with closings whose final scores wait for facts (a few at most: a scan is fine). */
	List<CheckpointState> withPendingClosings() {
		return mongo.find(Query.query(where("pendingClosings.0").exists(true)), CheckpointState.class);
	}
}
