package org.cicloperformance.reportingservice.alert;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cicloperformance.reportingservice.alert.AlertMailEntry.State;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code alert_mails_sent}: one document per alert e-mail. As monitoring-service's reminder ledger, a
 * sender claims a message by inserting its document BEFORE sending: the unique {@code _id} lets exactly one sender
 * win, across restarts and replicas, and only the winner sends, then records the outcome. A failed send is claimed
 * again by a compare-and-set on its state and attempt number once its retry time has come. A claim whose sender
 * died before recording the outcome stays {@code CLAIMED}: the message may have left, so it is never sent again.
 */
@Component
class AlertMailLedger implements InitializingBean {

	static final String COLLECTION = "alert_mails_sent";

	private final MongoTemplate mongo;

	AlertMailLedger(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		collection().createIndex(Indexes.ascending("planId"));
	}

	/**
	 * True when this sender now owns the message and must send it: it inserted the claim, or it took over a failed
	 * attempt whose retry time has come (and attempts remain). False when another sender has it or had it.
	 */
	boolean claim(AlertMailEntry claim, Instant now, int maxAttempts) {
		try {
			collection().insertOne(claim.toDocument());
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
		AlertMailEntry previous = AlertMailEntry.of(failed);
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
				Updates.set("claimedAt", Date.from(claim.claimedAt())), Updates.set("recipients", claim.recipients()),
				Updates.set("subject", claim.subject()));
		return collection().updateOne(sameAttempt, retry).getModifiedCount() == 1;
	}

	void sent(String id, Instant at) {
		collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", State.SENT.name()),
				Updates.set("sentAt", Date.from(at)), Updates.unset("error"), Updates.unset("nextAttemptAt")));
	}

	void failed(String id, String error, Instant nextAttemptAt) {
		collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", State.FAILED.name()),
				Updates.set("error", error), Updates.set("nextAttemptAt", Date.from(nextAttemptAt))));
	}

	void noAddress(String id) {
		collection().updateOne(Filters.eq("_id", id), Updates.set("state", State.NO_ADDRESS.name()));
	}

	/** The plan's messages by id, oldest id first. */
	Map<String, AlertMailEntry> of(String planId) {
		Map<String, AlertMailEntry> entries = new LinkedHashMap<>();
		for (Document d : collection().find(Filters.eq("planId", planId)).sort(Sorts.ascending("_id"))) {
			AlertMailEntry entry = AlertMailEntry.of(d);
			entries.put(entry.id(), entry);
		}
		return entries;
	}

	List<AlertMailEntry> list(String planId) {
		return new ArrayList<>(of(planId).values());
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
