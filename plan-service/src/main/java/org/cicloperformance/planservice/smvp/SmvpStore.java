package org.cicloperformance.planservice.smvp;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

/**
 * The SMVP versions, one document each, only ever inserted: the {@code _id} {@code smvpId#number} makes a second
 * version with the same number a duplicate key, which is how two planners adding "the next version" at once are
 * told apart (the second gets 409), on MongoDB and on mongo-java-server alike.
 */
@Repository
class SmvpStore {

	private final MongoTemplate mongo;

	SmvpStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Called once at start-up, on one thread: mongo-java-server cannot create indexes concurrently. */
	void createIndexes() {
		mongo.indexOps(SmvpVersion.class).createIndex(new Index().on("smvpId", Sort.Direction.ASC)
			.on("number", Sort.Direction.ASC));
		mongo.indexOps(SmvpVersion.class).createIndex(new Index().on("entity", Sort.Direction.ASC)
			.on("year", Sort.Direction.ASC));
	}

	/** @return false when that version exists already */
	boolean insert(SmvpVersion version) {
		try {
			mongo.insert(version);
			return true;
		}
		catch (DuplicateKeyException taken) {
			return false;
		}
	}

	/** Every version of an SMVP, oldest first. */
	List<SmvpVersion> versions(String smvpId) {
		return mongo.find(query(where("smvpId").is(smvpId)).with(Sort.by("number")), SmvpVersion.class);
	}

	Optional<SmvpVersion> version(String smvpId, int number) {
		return Optional.ofNullable(mongo.findById(SmvpVersion.idOf(smvpId, number), SmvpVersion.class));
	}

	/** The first version of each SMVP of an entity (optionally of one year), by year. */
	List<SmvpVersion> firstVersions(String entity, Integer year) {
		var criteria = where("entity").is(entity).and("number").is(1);
		if (year != null) {
			criteria = criteria.and("year").is(year);
		}
		return mongo.find(query(criteria).with(Sort.by("year")), SmvpVersion.class);
	}

	/** The ids of every SMVP, for the start-up alignment of the plans. */
	List<SmvpVersion> allFirstVersions() {
		var q = query(where("number").is(1));
		q.fields().include("smvpId", "entity", "year", "number");
		return mongo.find(q, SmvpVersion.class);
	}
}
