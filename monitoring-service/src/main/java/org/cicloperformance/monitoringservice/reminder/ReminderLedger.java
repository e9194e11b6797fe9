package org.cicloperformance.monitoringservice.reminder;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cicloperformance.monitoringservice.reminder.ReminderEntry.State;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code reminders_sent}: one document per reminder, {@code _id} = plan|checkpoint|office|step (the
 * planner's digest has office {@code _planner}). A sender claims a reminder by inserting its document BEFORE
 * sending: the unique {@code _id} lets exactly one sender win, across restarts and replicas, and only the winner
 * sends. It then records the outcome. A failed send is claimed again, by a compare-and-set on its state and attempt
 * number, once its retry time has come. A claim whose sender died before recording the outcome stays
 * {@code CLAIMED}: the message may have left, so it is never sent again (at most once; the ledger shows it).
 */
@Component
class ReminderLedger implements Indexed {

	static final String COLLECTION = "reminders_sent";

	private final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	ReminderLedger(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void createIndexes() {
		collection().createIndex(Indexes.ascending("planId", "checkpoint"));
	}

	/**
	 * True when this sender now owns the reminder and must send it: it inserted the claim, or it took over a failed
	 * attempt whose retry time has come (and attempts remain). False when another sender has it or had it.
	 */
	boolean claim(ReminderEntry claim, Instant now, int maxAttempts) {
		try {
			collection().insertOne(codec.toDocument(claim));
			return true;
		}
		catch (MongoWriteException e) {
			if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw e;
			}
		}
		Document failed = collection().find(Filters.and(Filters.eq("_id", claim.id()),
				Filters.eq("state", State.FAILED.name()))).first();
		if (failed == null) {
			return false;
		}
		ReminderEntry previous = read(failed);
		if (previous.nextAttemptAt() != null && previous.nextAttemptAt().isAfter(now)) {
			return false;
		}
		Bson sameAttempt = Filters.and(Filters.eq("_id", claim.id()), Filters.eq("state", State.FAILED.name()),
				Filters.eq("attempts", previous.attempts()));
		if (previous.attempts() >= maxAttempts) {
			collection().updateOne(sameAttempt, Updates.set("state", State.GAVE_UP.name()));
			return false;
		}
		// compare-and-set on (state, attempts): of two senders retrying at once, one moves it on
		Bson retry = Updates.combine(Updates.set("state", State.CLAIMED.name()),
				Updates.set("attempts", previous.attempts() + 1), Updates.set("claimedBy", claim.claimedBy()),
				Updates.set("claimedAt", claim.claimedAt().toString()), Updates.set("recipient", claim.recipient()),
				Updates.set("indicators", claim.indicators()));
		return collection().updateOne(sameAttempt, retry).getModifiedCount() == 1;
	}

	void sent(String id, Instant at) {
		collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", State.SENT.name()),
				Updates.set("sentAt", at.toString()), Updates.unset("error"), Updates.unset("nextAttemptAt")));
	}

	void failed(String id, String error, Instant nextAttemptAt) {
		collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", State.FAILED.name()),
				Updates.set("error", error), Updates.set("nextAttemptAt", nextAttemptAt.toString())));
	}

	void noAddress(String id) {
		collection().updateOne(Filters.eq("_id", id), Updates.set("state", State.NO_ADDRESS.name()));
	}

	List<ReminderEntry> of(String entity, String planId, String checkpoint) {
		return collection().find(Filters.and(Filters.eq("planId", planId), Filters.eq("checkpoint", checkpoint),
				Filters.eq("entity", entity))).sort(Sorts.ascending("_id")).map(this::read).into(new ArrayList<>());
	}

	private ReminderEntry read(Document document) {
		return codec.fromDocument(document, ReminderEntry.class);
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
