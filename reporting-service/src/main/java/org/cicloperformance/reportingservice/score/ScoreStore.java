package org.cicloperformance.reportingservice.score;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cicloperformance.reportingservice.IdPatterns;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads and writes score documents; every write is a single-document compare-and-set on {@code revision}. */
@Component
public class ScoreStore {

	private final MongoTemplate mongo;

	ScoreStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Optional<ScoreDocument> find(String planId, String checkpoint) {
		return Optional.ofNullable(mongo.findById(ScoreDocument.id(planId, checkpoint), ScoreDocument.class));
	}

	public List<ScoreDocument> findAll(String planId) {
		return mongo.find(Query.query(where("_id").regex(IdPatterns.startingWith(planId + "#", ""))),
				ScoreDocument.class).stream().filter(d -> planId.equals(d.planId()))
				.sorted(Comparator.comparing(ScoreDocument::checkpointDate, Comparator.nullsFirst(Comparator.naturalOrder()))
						.thenComparing(ScoreDocument::checkpoint, Comparator.nullsFirst(Comparator.naturalOrder())))
				.toList();
	}

	/**
	 * Writes {@code document} if the stored one still has {@code expectedRevision} (or, for 0, none exists). The
	 * filter has exactly the keys of the unique index on ({@code _id}, {@code revision}), so that it is served by it.
	 */
	boolean write(ScoreDocument document, long expectedRevision) {
		if (expectedRevision == 0) {
			try {
				mongo.insert(document);
				return true;
			}
			catch (DuplicateKeyException concurrentInsert) {
				return false;
			}
		}
		Query unchanged = Query.query(where("_id").is(document.id()).and("revision").is(expectedRevision));
		return mongo.replace(unchanged, document).getMatchedCount() == 1;
	}
}
