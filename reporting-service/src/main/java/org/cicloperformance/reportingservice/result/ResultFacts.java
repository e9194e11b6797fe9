package org.cicloperformance.reportingservice.result;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.IdPatterns;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stored results: the latest version per indicator and checkpoint, and every version ever received. Every query
 * is on {@code _id} (exactly, {@code $in}, or a prefix) or on {@code _id} and {@code resultVersion} together (a
 * unique index has exactly those keys), so that none scans the collection on mongo-java-server.
 */
@Component
public class ResultFacts {

	static final String LATEST = "results";

	static final String HISTORY = "result_history";

	private static final int DUPLICATE_KEY = 11000;

	private static final int MAX_ATTEMPTS = 20;

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
		return recordAll(List.of(event)).changed().contains(key(event));
	}

	/**
	 * {@link #record} for many events at once: one write for the history, one read and one write for the latest
	 * versions. Within the events, as across calls, the first copy of a version is the one kept.
	 */
	public Recorded recordAll(List<ResultEvent> events) {
		Instant now = clock.instant();
		Map<String, ResultFact> versions = new LinkedHashMap<>();
		Map<String, ResultFact> newest = new LinkedHashMap<>();
		for (ResultEvent event : events) {
			ResultFact fact = fact(key(event), event, now);
			versions.putIfAbsent(fact.id() + "#" + fact.resultVersion(), fact);
			newest.merge(fact.id(), fact, (kept, other) -> other.resultVersion() > kept.resultVersion() ? other : kept);
		}
		insertIgnoringDuplicates(versions.entrySet().stream().map(e -> withId(e.getValue(), e.getKey())).toList());

		Map<String, ResultFact> before = latest(newest.keySet());
		BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ResultFact.class, LATEST);
		int replaces = 0;
		int operations = 0;
		for (ResultFact fact : newest.values()) {
			ResultFact stored = before.get(fact.id());
			if (stored == null) {
				writes.insert(fact);
			}
			else if (stored.resultVersion() < fact.resultVersion()) {
				writes.replaceOne(unchanged(stored), fact);
				replaces++;
			}
			else {
				continue;
			}
			operations++;
		}
		boolean contended = false;
		if (operations > 0) {
			try {
				contended = writes.execute().getMatchedCount() != replaces;
			}
			catch (DataAccessException e) {
				contended = onlyDuplicateKeys(e);
				if (!contended) {
					throw e;
				}
			}
		}
		Map<String, ResultFact> after;
		if (contended) {
			// another writer stored some of these meanwhile: settle each one by compare-and-set
			newest.values().forEach(this::settle);
			after = latest(newest.keySet());
		}
		else {
			after = new HashMap<>(before);
			newest.values().forEach(fact -> after.merge(fact.id(), fact,
					(stored, ours) -> ours.resultVersion() > stored.resultVersion() ? ours : stored));
		}
		Set<String> changed = new LinkedHashSet<>();
		for (ResultFact fact : newest.values()) {
			ResultFact was = before.get(fact.id());
			ResultFact is = after.get(fact.id());
			if (is != null && is.resultVersion() == fact.resultVersion()
					&& (was == null || was.resultVersion() < fact.resultVersion())) {
				changed.add(fact.id());
			}
		}
		return new Recorded(after, changed);
	}

	/** The latest versions after {@link #recordAll}, by {@link ResultFact#key}, and the keys whose latest changed. */
	public record Recorded(Map<String, ResultFact> latest, Set<String> changed) {
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

	/** The latest versions stored for these keys ({@link ResultFact#key}), by key. */
	public Map<String, ResultFact> latest(Collection<String> keys) {
		if (keys.isEmpty()) {
			return new HashMap<>();
		}
		return mongo.find(Query.query(where("_id").in(keys)), ResultFact.class, LATEST).stream()
				.collect(Collectors.toMap(ResultFact::id, Function.identity(), (a, b) -> a, HashMap::new));
	}

	public List<ResultFact> latestAt(String planId, String checkpoint) {
		return latestOf(planId).stream().filter(f -> checkpoint.equals(f.checkpoint())).toList();
	}

	/** The latest version of every indicator of a plan, at every checkpoint. */
	public List<ResultFact> latestOf(String planId) {
		return mongo.find(Query.query(where("_id").regex(IdPatterns.startingWith(planId + "#", ""))), ResultFact.class,
				LATEST).stream().filter(f -> planId.equals(f.planId())).toList();
	}

	public List<String> checkpoints(String planId) {
		return latestOf(planId).stream().map(ResultFact::checkpoint).distinct().toList();
	}

	public List<ResultFact> history(String planId, String objective, String indicator) {
		return mongo.find(Query.query(where("_id").regex(IdPatterns.startingWith(
				planId + "#" + objective + "#" + indicator + "#", ""))), ResultFact.class, HISTORY).stream()
				.filter(f -> planId.equals(f.planId()) && objective.equals(f.objective())
						&& indicator.equals(f.indicator()))
				.sorted(Comparator.comparing(ResultFact::checkpoint).thenComparingInt(ResultFact::resultVersion))
				.toList();
	}

	private static String key(ResultEvent event) {
		return ResultFact.key(event.planId(), event.objective(), event.indicator(), event.checkpoint());
	}

	private static ResultFact fact(String id, ResultEvent event, Instant receivedAt) {
		return new ResultFact(id, event.planId(), event.objective(), event.indicator(), event.checkpoint(),
				event.resultVersion(), event.planVersion(), event.eventId(), event.recordedAt(), receivedAt,
				event.reportedBy(), event.reason(), event.value(), event.deviation(), event.commentary(),
				event.evidence(), event.deviationCause(), event.atInterimPeriod() ? Boolean.TRUE : null);
	}

	private static ResultFact withId(ResultFact fact, String id) {
		return new ResultFact(id, fact.planId(), fact.objective(), fact.indicator(), fact.checkpoint(),
				fact.resultVersion(), fact.planVersion(), fact.eventId(), fact.recordedAt(), fact.receivedAt(),
				fact.reportedBy(), fact.reason(), fact.value(), fact.deviation(), fact.commentary(), fact.evidence(),
				fact.deviationCause(), fact.interim());
	}

	/** The filter of a compare-and-set on the latest version: exactly the keys of a unique index. */
	private static Query unchanged(ResultFact stored) {
		return Query.query(where("_id").is(stored.id()).and("resultVersion").is(stored.resultVersion()));
	}

	/** The history keeps the first copy of each version: copies already stored are left as they are. */
	private void insertIgnoringDuplicates(List<ResultFact> facts) {
		if (facts.isEmpty()) {
			return;
		}
		try {
			mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ResultFact.class, HISTORY).insert(facts).execute();
		}
		catch (DataAccessException e) {
			if (!onlyDuplicateKeys(e)) {
				throw e;
			}
		}
	}

	/** Makes {@code fact} the latest unless a version as new or newer is stored, one compare-and-set at a time. */
	private void settle(ResultFact fact) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			ResultFact stored = mongo.findById(fact.id(), ResultFact.class, LATEST);
			if (stored == null) {
				try {
					mongo.insert(fact, LATEST);
					return;
				}
				catch (DuplicateKeyException concurrentInsert) {
					continue;
				}
			}
			if (stored.resultVersion() >= fact.resultVersion()
					|| mongo.replace(unchanged(stored), fact, LATEST).getMatchedCount() == 1) {
				return;
			}
		}
		throw new IllegalStateException("result " + fact.id() + " kept changing while being recorded");
	}

	private static boolean onlyDuplicateKeys(DataAccessException e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoBulkWriteException bulk) {
				List<BulkWriteError> errors = bulk.getWriteErrors();
				return !errors.isEmpty() && bulk.getWriteConcernError() == null
						&& errors.stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
			}
		}
		return false;
	}
}
