package org.cicloperformance.planservice.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
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

	PlanRepository(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Called once at start-up, on one thread: mongo-java-server cannot create indexes concurrently. */
	void createIndexes() {
		mongo.indexOps(Plan.class).createIndex(new Index().on("entity", Sort.Direction.ASC).on("year", Sort.Direction.ASC));
		mongo.indexOps(Plan.class).createIndex(new Index().on("outbox.eventId", Sort.Direction.ASC).sparse());
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
		return result.getModifiedCount() == 1;
	}

	public List<Plan> withPendingEvents(int limit) {
		return mongo.find(query(where("outbox.0").exists(true)).limit(limit), Plan.class);
	}


	/** Removes a sent event without touching the revision, so editors racing with the relay are not refused. */
	public void removeFromOutbox(String id, String eventId) {
		mongo.updateFirst(query(where("_id").is(id)), new Update().pull("outbox", new Document("eventId", eventId)),
				Plan.class);
	}

}
