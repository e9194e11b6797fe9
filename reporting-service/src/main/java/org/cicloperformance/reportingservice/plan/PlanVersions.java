package org.cicloperformance.reportingservice.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.reportingservice.CacheSettings;
import org.cicloperformance.reportingservice.IdPatterns;
import org.cicloperformance.reportingservice.engine.PlanScorer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored plan versions and, in memory, what scoring needs of them. Versions are immutable, so the numbers and
 * checkpoints of each plan's versions and the scorers of the versions in use are kept in bounded caches: filled
 * when a plan event is stored, loaded from MongoDB on a miss (after a restart, an eviction, or a version another
 * instance stored). No result event reads {@code plan_versions} while its plan is cached.
 */
@Component
public class PlanVersions {

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	/** Per plan, its versions (number and checkpoints, not the content) in ascending order; never empty. */
	private final Cache<String, List<Known>> known;

	/** Per version ({@link PlanVersionFact#id}), its scorer. */
	private final Cache<String, PlanScorer> scorers;

	/** Per version ({@link PlanVersionFact#id}), the labels of its checkpoints by id. */
	private final Cache<String, Map<String, String>> labels;

	PlanVersions(MongoTemplate mongo, JsonMapper json, Clock clock, CacheSettings caches) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
		this.known = Caffeine.newBuilder().maximumSize(Math.max(16, caches.planVersions() * 4L)).build();
		this.scorers = Caffeine.newBuilder().maximumSize(Math.max(1, caches.planVersions())).build();
		this.labels = Caffeine.newBuilder().maximumSize(Math.max(16, caches.planVersions() * 4L)).build();
	}

	/** A version's number and the checkpoints it applies to: enough to find the version in force. */
	record Known(int version, List<String> appliesTo) {

		boolean appliesTo(String checkpoint) {
			return version == 1 || appliesTo.contains(checkpoint);
		}
	}

	/** The version in force at a checkpoint and its scorer. */
	public record InForce(int version, PlanScorer scorer) {
	}

	/** Stores the version carried by the event; false when it was already known. */
	public boolean store(PlanEvent event) {
		PlanVersionFact fact = new PlanVersionFact(PlanVersionFact.id(event.planId(), event.version()), event.planId(),
				event.version(), event.appliesTo() == null ? List.of() : List.copyOf(event.appliesTo()), event.type(),
				event.eventId(), event.occurredAt(), clock.instant(), json.writeValueAsString(event.plan()),
				event.revision() == null ? null : json.writeValueAsString(event.revision()));
		try {
			mongo.insert(fact);
		}
		catch (DuplicateKeyException alreadyKnown) {
			// the stored copy is the version (a replay, or another instance stored it): read it again when needed
			known.invalidate(event.planId());
			return false;
		}
		scorers.put(fact.id(), newScorer(fact));
		labels.put(fact.id(), labels(event.plan()));
		known.asMap().computeIfPresent(event.planId(), (id, versions) -> with(versions, fact));
		return true;
	}

	/** Every stored version of a plan, in ascending order. */
	public List<PlanVersionFact> versions(String planId) {
		return mongo.find(Query.query(where("_id").regex(IdPatterns.startingWith(planId + "#", "[0-9]+$"))),
				PlanVersionFact.class).stream().filter(v -> planId.equals(v.planId()))
				.sorted(Comparator.comparingInt(PlanVersionFact::version)).toList();
	}

	public Optional<PlanVersionFact> version(String planId, int version) {
		return Optional.ofNullable(mongo.findById(PlanVersionFact.id(planId, version), PlanVersionFact.class));
	}

	/** The version in force for a checkpoint: the highest whose {@code appliesTo} contains it. */
	public Optional<PlanVersionFact> inForce(String planId, String checkpoint) {
		return versionInForce(planId, checkpoint).flatMap(v -> version(planId, v));
	}

	/** The version in force for a checkpoint with its scorer, from memory when the plan is cached. */
	public Optional<InForce> scorerInForce(String planId, String checkpoint) {
		return versionInForce(planId, checkpoint).map(v -> new InForce(v, scorer(planId, v)));
	}

	/** The numbers of a plan's versions, in ascending order (empty for a plan not received). */
	public List<Integer> versionNumbers(String planId) {
		return knownVersions(planId).stream().map(Known::version).toList();
	}

	/**
	 * Forgets what is cached of a plan's versions, so that the next use reads them again: for a version stored by
	 * another instance (a score document scored with a version this one does not know).
	 */
	public void reload(String planId) {
		known.invalidate(planId);
	}

	public List<String> planIds() {
		return mongo.findDistinct(new Query(), "planId", PlanVersionFact.class, String.class);
	}

	public PlanScorer scorer(PlanVersionFact fact) {
		return scorers.get(fact.id(), id -> newScorer(fact));
	}

	/** The scorer of a stored version; the version must exist. */
	public PlanScorer scorer(String planId, int version) {
		return scorers.get(PlanVersionFact.id(planId, version), id -> newScorer(version(planId, version)
				.orElseThrow(() -> new IllegalStateException("plan version " + id + " is not stored"))));
	}

	/** The label of a checkpoint in a stored version (its id when the version gives none). */
	public String checkpointLabel(String planId, int version, String checkpoint) {
		Map<String, String> byId = labels.get(PlanVersionFact.id(planId, version),
				id -> version(planId, version).map(v -> labels(content(v))).orElse(Map.of()));
		return byId.getOrDefault(checkpoint, checkpoint);
	}

	private static Map<String, String> labels(PlanEvent.Content content) {
		Map<String, String> byId = new HashMap<>();
		if (content.checkpoints() != null) {
			content.checkpoints().stream().filter(c -> c != null && c.id() != null && c.label() != null)
					.forEach(c -> byId.putIfAbsent(c.id(), c.label()));
		}
		return byId;
	}

	public PlanEvent.Content content(PlanVersionFact fact) {
		return json.readValue(fact.content(), PlanEvent.Content.class);
	}

	/** The revision that produced this version; empty for version 1 (and for versions stored before it was kept). */
	public Optional<PlanEvent.Revision> revision(PlanVersionFact fact) {
		return fact.revision() == null ? Optional.empty()
				: Optional.of(json.readValue(fact.revision(), PlanEvent.Revision.class));
	}

	private Optional<Integer> versionInForce(String planId, String checkpoint) {
		return knownVersions(planId).stream().filter(v -> v.appliesTo(checkpoint)).map(Known::version)
				.max(Comparator.naturalOrder());
	}

	private List<Known> knownVersions(String planId) {
		List<Known> versions = known.get(planId, this::load);
		return versions == null ? List.of() : versions;
	}

	/** What is stored of a plan's versions, without their content; null (not cached) when none is. */
	private List<Known> load(String planId) {
		Query query = Query.query(where("_id").regex(IdPatterns.startingWith(planId + "#", "[0-9]+$")));
		query.fields().exclude("content").exclude("revision");
		List<Known> versions = mongo.find(query, PlanVersionFact.class).stream()
				.filter(v -> planId.equals(v.planId())).map(PlanVersions::known)
				.sorted(Comparator.comparingInt(Known::version)).toList();
		return versions.isEmpty() ? null : versions;
	}

	private static List<Known> with(List<Known> versions, PlanVersionFact fact) {
		if (versions.stream().anyMatch(v -> v.version() == fact.version())) {
			return versions;
		}
		return java.util.stream.Stream.concat(versions.stream(), java.util.stream.Stream.of(known(fact)))
				.sorted(Comparator.comparingInt(Known::version)).toList();
	}

	private static Known known(PlanVersionFact fact) {
		return new Known(fact.version(), fact.appliesTo() == null ? List.of() : List.copyOf(fact.appliesTo()));
	}

	private PlanScorer newScorer(PlanVersionFact fact) {
		return new PlanScorer(PlanMapper.toScoringPlan(fact.planId(), fact.version(), content(fact)));
	}
}
