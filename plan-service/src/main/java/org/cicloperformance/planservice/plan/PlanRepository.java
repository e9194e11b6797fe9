package org.cicloperformance.planservice.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Every write is one single-document update guarded by the expected revision: MongoDB (and mongo-java-server)
 * apply it atomically, so a version and the event that announces it are stored together or not at all.
 */
@Repository
public class PlanRepository {

	private final MongoTemplate mongo;

	private final WrittenPlans written = new WrittenPlans();

	PlanRepository(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The plans this process wrote since the last call: where the outbox relay finds its new events. */
	public Set<String> takeWritten() {
		return written.take();
	}

	/** Plans for the relay's next pass again (their events could not be sent yet). */
	public void lookAgain(Collection<String> ids) {
		written.again(ids);
	}

	/** Called once at start-up, on one thread: mongo-java-server cannot create indexes concurrently. */
	void createIndexes() {
		mongo.indexOps(Plan.class).createIndex(new Index().on("entity", Sort.Direction.ASC).on("year", Sort.Direction.ASC));
		mongo.indexOps(Plan.class).createIndex(new Index().on("outbox.eventId", Sort.Direction.ASC).sparse());
		// the compare-and-set of every write: mongo-java-server serves a query from an index only when the index
		// has exactly the query's fields, so without this one each write read the whole collection
		mongo.indexOps(Plan.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
			.on("revision", Sort.Direction.ASC).unique());
	}

	public Optional<Plan> findById(String id) {
		return Optional.ofNullable(mongo.findById(id, Plan.class));
	}

	public List<Plan> find(String entity, Integer year) {
		var criteria = new Criteria();
		if (entity != null) {
			criteria = criteria.and("entity").is(entity);
		}
		if (year != null) {
			criteria = criteria.and("year").is(year);
		}
		var q = query(criteria).with(Sort.by("entity", "year"));
		q.fields().exclude("versions", "draft", "outbox");
		return mongo.find(q, Plan.class);
	}

	/** @return false when a plan with that id already exists. */
	public boolean insert(Plan plan) {
		try {
			mongo.insert(plan);
			written.written(plan.id());
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/** Applies {@code update} only if the plan is still at {@code expectedRevision}; bumps the revision. */
	public boolean update(String id, long expectedRevision, Update update) {
		var result = mongo.updateFirst(query(where("_id").is(id).and("revision").is(expectedRevision)),
				update.inc("revision", 1), Plan.class);
		if (result.getModifiedCount() != 1) {
			return false;
		}
		written.written(id);
		return true;
	}

	/**
	 * The ids of plans with events still to publish, whoever wrote them: a search of the whole collection (only the
	 * ids are returned), for the relay's sweep, not for every pass.
	 */
	public List<String> withPendingEvents(int limit) {
		var q = query(where("outbox.0").exists(true)).limit(limit);
		q.fields().include("_id");
		return mongo.find(q, Document.class, "plans").stream().map(d -> d.getString("_id")).toList();
	}


	/** Removes a sent event without touching the revision, so editors racing with the relay are not refused. */
	public void removeFromOutbox(String id, String eventId) {
		mongo.updateFirst(query(where("_id").is(id)), new Update().pull("outbox", new Document("eventId", eventId)),
				Plan.class);
	}

}
