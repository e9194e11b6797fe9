package org.cicloperformance.reportingservice.result;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Stored results: the latest version per indicator and checkpoint, and every version ever received. */
@Component
public class ResultFacts {

	static final String LATEST = "results";

	static final String HISTORY = "result_history";

	private final MongoTemplate mongo;

	private final Clock clock;

	ResultFacts(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Keeps the version in the history and makes it the latest unless a version as new or newer is stored: a
	 * duplicate or an out-of-order version leaves the latest as it was. Returns whether the latest changed.
	 */
	public boolean record(ResultEvent event) {
		String key = ResultFact.key(event.planId(), event.objective(), event.indicator(), event.checkpoint());
		ResultFact fact = new ResultFact(key, event.planId(), event.objective(), event.indicator(), event.checkpoint(),
				event.resultVersion(), event.planVersion(), event.eventId(), event.recordedAt(), clock.instant(),
				event.reportedBy(), event.reason(), event.value(), event.deviation(), event.commentary(),
				event.evidence());
		try {
			mongo.insert(new ResultFact(key + "#" + event.resultVersion(), fact.planId(), fact.objective(),
					fact.indicator(), fact.checkpoint(), fact.resultVersion(), fact.planVersion(), fact.eventId(),
					fact.recordedAt(), fact.receivedAt(), fact.reportedBy(), fact.reason(), fact.value(),
					fact.deviation(), fact.commentary(), fact.evidence()), HISTORY);
		}
		catch (DuplicateKeyException alreadyKept) {
			// the history keeps the first copy of each version
		}
		Query olderOrAbsent = Query.query(where("_id").is(key).and("resultVersion").lt(event.resultVersion()));
		Update latest = new Update().set("planId", fact.planId()).set("objective", fact.objective())
				.set("indicator", fact.indicator()).set("checkpoint", fact.checkpoint())
				.set("resultVersion", fact.resultVersion()).set("planVersion", fact.planVersion())
				.set("eventId", fact.eventId()).set("recordedAt", fact.recordedAt())
				.set("receivedAt", fact.receivedAt()).set("reportedBy", fact.reportedBy())
				.set("reason", fact.reason()).set("value", fact.value()).set("deviation", fact.deviation())
				.set("commentary", fact.commentary()).set("evidence", fact.evidence());
		try {
			mongo.upsert(olderOrAbsent, latest, ResultFact.class, LATEST);
			return true;
		}
		catch (DuplicateKeyException newerKept) {
			return false;
		}
	}

	public Optional<ResultFact> latest(String planId, String objective, String indicator, String checkpoint) {
		return Optional.ofNullable(
				mongo.findById(ResultFact.key(planId, objective, indicator, checkpoint), ResultFact.class, LATEST));
	}

	/** One version as it was received (the OIV judges a version: a closed checkpoint is scored with it). */
	public Optional<ResultFact> version(String planId, String objective, String indicator, String checkpoint,
			int resultVersion) {
		return Optional.ofNullable(mongo.findById(
				ResultFact.key(planId, objective, indicator, checkpoint) + "#" + resultVersion, ResultFact.class,
				HISTORY));
	}

	public List<ResultFact> latestAt(String planId, String checkpoint) {
		return mongo.find(Query.query(where("planId").is(planId).and("checkpoint").is(checkpoint)), ResultFact.class,
				LATEST);
	}

	public List<String> checkpoints(String planId) {
		return mongo.findDistinct(Query.query(where("planId").is(planId)), "checkpoint", LATEST, String.class);
	}

	public List<ResultFact> history(String planId, String objective, String indicator) {
		return mongo.find(Query.query(where("planId").is(planId).and("objective").is(objective).and("indicator")
				.is(indicator)).with(Sort.by("checkpoint", "resultVersion")), ResultFact.class, HISTORY);
	}
}
