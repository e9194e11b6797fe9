package org.cicloperformance.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads reporting-service's read model as its readers do (collection {@code scores}): per plan and checkpoint a
 * summary (id {@code plan#checkpoint}) naming the parts in force, one per operational objective, each with its
 * indicators' scores. A result is visible once a summary names a part that shows its version (or a later one): the
 * summary is written last, so this is what the API, the dashboard and the reports see.
 */
final class ScoreDocuments {

	static final Bson SUMMARY = Projections.include("parts");

	static final Bson PART = Projections.include("indicators.objective", "indicators.indicator",
			"indicators.result.resultVersion");

	/** Summary ids of the benchmark's plans: {@code bench-…#checkpoint}, not the parts' longer ids. */
	static final Bson BENCH_SUMMARIES = Filters.regex("_id", "^bench-[^#]*#[^#]*$");

	private ScoreDocuments() {
	}

	/** objective#indicator → result version scored, for one plan at one checkpoint; null when not scored yet. */
	static Map<String, Integer> versions(MongoCollection<Document> scores, String summaryId) {
		Document summary = scores.find(Filters.eq("_id", summaryId)).projection(SUMMARY).first();
		if (summary == null) {
			return null;
		}
		List<String> parts = summary.getList("parts", String.class, List.of());
		var out = new HashMap<String, Integer>();
		if (!parts.isEmpty()) {
			for (Document part : scores.find(Filters.in("_id", parts)).projection(PART)) {
				add(part, out);
			}
		}
		return out;
	}

	/** {@link #versions} of every benchmark plan and checkpoint, by summary id. */
	static Map<String, Map<String, Integer>> allVersions(MongoCollection<Document> scores) {
		var out = new HashMap<String, Map<String, Integer>>();
		for (Document summary : scores.find(BENCH_SUMMARIES).projection(SUMMARY)) {
			out.put(summary.getString("_id"), versions(scores, summary.getString("_id")));
		}
		return out;
	}

	private static void add(Document part, Map<String, Integer> out) {
		List<?> indicators = part.get("indicators", List.class);
		if (indicators == null) {
			return;
		}
		for (Object item : indicators) {
			Document indicator = (Document) item;
			Document result = indicator.get("result", Document.class);
			if (result != null && result.get("resultVersion") instanceof Number version) {
				out.put(indicator.getString("objective") + "#" + indicator.getString("indicator"), version.intValue());
			}
		}
	}
}
