package org.cicloperformance.reportingservice.evaluation.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.reportingservice.IdPatterns;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.State;
import org.cicloperformance.reportingservice.evaluation.store.SchedaRefused.Kind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code schede}: inserts (a new scheda, a correction's next version) refused on an existing
 * {@code _id}, and replacements guarded by the revision read and by the state not being FINAL. Works alike on
 * mongo-java-server and a MongoDB replica set: one document per write, no transaction.
 */
@Component
class SchedaStore {

	private final MongoTemplate mongo;

	SchedaStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void insert(SchedaDocument document) {
		try {
			mongo.insert(document);
		}
		catch (DuplicateKeyException exists) {
			throw new SchedaRefused(Kind.CONFLICT, "/manager", "scheda-exists");
		}
	}

	/** Replaces {@code current} by {@code next} unless somebody wrote it since it was read, or it is FINAL. */
	void replace(SchedaDocument current, SchedaDocument next) {
		var written = mongo.replace(query(where("_id").is(current.id()).and("revision").is(current.revision())
			.and("state").ne(State.FINAL.name())), next);
		if (written.getMatchedCount() == 0) {
			throw new SchedaRefused(Kind.CONFLICT, "/revision", "stale-revision");
		}
	}

	/** Every version of every scheda of the plan, by manager then version. */
	List<SchedaDocument> all(String planId) {
		return mongo.find(query(where("_id").regex(IdPatterns.startingWith(planId + "#", "[^#]+#[0-9]+$"))),
				SchedaDocument.class).stream()
			.sorted(Comparator.comparing(SchedaDocument::managerId).thenComparingInt(SchedaDocument::version))
			.toList();
	}

	List<SchedaDocument> versions(String planId, String managerId) {
		return all(planId).stream().filter(d -> d.managerId().equals(managerId)).toList();
	}

	Optional<SchedaDocument> latest(String planId, String managerId) {
		List<SchedaDocument> versions = versions(planId, managerId);
		return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
	}

	/** The latest FINAL version of each manager's scheda. */
	List<SchedaDocument> finals(String planId) {
		Map<String, SchedaDocument> latest = new LinkedHashMap<>();
		all(planId).stream().filter(d -> d.state() == State.FINAL).forEach(d -> {
			latest.remove(d.managerId());
			latest.put(d.managerId(), d);
		});
		return List.copyOf(latest.values());
	}

	/** The latest version of each manager's scheda. */
	List<SchedaDocument> latest(String planId) {
		Map<String, SchedaDocument> latest = new LinkedHashMap<>();
		all(planId).forEach(d -> latest.put(d.managerId(), d));
		return List.copyOf(latest.values());
	}
}
