package org.cicloperformance.reportingservice.score;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.reportingservice.IdPatterns;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The read model of the scores, stored in small documents (collection {@code scores}): per plan and checkpoint a
 * {@link ScoreSummary} naming the {@link ScorePart}s in force, one per operational objective. Readers get whole
 * {@link ScoreDocument}s assembled from a summary and the parts it names; writers ({@link ScoreWrites}) send the
 * parts that changed, then the summary, in one ordered bulk write.
 */
@Component
public class ScoreStore {

	static final String COLLECTION = "scores";

	/** A reader that finds a part gone (superseded by a write since it read the summary) reads again. */
	private static final int MAX_READS = 20;

	private final MongoTemplate mongo;

	ScoreStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** A document as stored, with the id of the part in force for each objective (by objective code). */
	record Stored(ScoreDocument document, Map<String, String> parts) {
	}

	public Optional<ScoreDocument> find(String planId, String checkpoint) {
		return load(planId, checkpoint).map(Stored::document);
	}

	Optional<Stored> load(String planId, String checkpoint) {
		for (int read = 0; read < MAX_READS; read++) {
			ScoreSummary summary = mongo.findById(ScoreDocument.id(planId, checkpoint), ScoreSummary.class,
					COLLECTION);
			if (summary == null) {
				return Optional.empty();
			}
			Map<String, ScorePart> parts = parts(summary.parts());
			Stored stored = assemble(summary, parts);
			if (stored != null) {
				return Optional.of(stored);
			}
		}
		throw new IllegalStateException("scores of " + ScoreDocument.id(planId, checkpoint) + " kept changing");
	}

	/** Every checkpoint scored, in date order. */
	public List<ScoreDocument> findAll(String planId) {
		for (int read = 0; read < MAX_READS; read++) {
			List<ScoreSummary> summaries = mongo
					.find(Query.query(where("_id").regex(IdPatterns.startingWith(planId + "#", "[^#]*$"))
							.and("kind").is(ScoreSummary.KIND)), ScoreSummary.class, COLLECTION)
					.stream().filter(s -> planId.equals(s.planId())).toList();
			Map<String, ScorePart> parts = parts(summaries.stream().flatMap(s -> s.parts().stream()).toList());
			List<ScoreDocument> documents = new ArrayList<>(summaries.size());
			for (ScoreSummary summary : summaries) {
				Stored stored = assemble(summary, parts);
				if (stored == null) {
					documents = null;
					break;
				}
				documents.add(stored.document());
			}
			if (documents != null) {
				return documents.stream()
						.sorted(Comparator
								.comparing(ScoreDocument::checkpointDate, Comparator.nullsFirst(Comparator.naturalOrder()))
								.thenComparing(ScoreDocument::checkpoint, Comparator.nullsFirst(Comparator.naturalOrder())))
						.toList();
			}
		}
		throw new IllegalStateException("scores of " + planId + " kept changing");
	}

	private Map<String, ScorePart> parts(List<String> ids) {
		Map<String, ScorePart> parts = new HashMap<>();
		if (!ids.isEmpty()) {
			mongo.find(Query.query(where("_id").in(ids)), ScorePart.class, COLLECTION)
					.forEach(p -> parts.put(p.id(), p));
		}
		return parts;
	}

	/** The document a summary names, or null when one of its parts is gone (the summary was replaced). */
	private static Stored assemble(ScoreSummary summary, Map<String, ScorePart> found) {
		List<ScorePart> parts = new ArrayList<>(summary.parts().size());
		for (String id : summary.parts()) {
			ScorePart part = found.get(id);
			if (part == null) {
				return null;
			}
			parts.add(part);
		}
		return ScoreWrites.assemble(summary, parts);
	}

	MongoTemplate mongo() {
		return mongo;
	}

	/** The ids of the parts in force by objective, in plan order, for a freshly stored document. */
	static Map<String, String> byObjective(List<ScorePart> parts) {
		Map<String, String> ids = new LinkedHashMap<>();
		parts.forEach(p -> ids.put(p.objective().code(), p.id()));
		return ids;
	}
}
