package org.cicloperformance.reportingservice.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cicloperformance.reportingservice.scoring.PlanScorer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The stored plan versions and, cached per immutable version, their scorers. */
@Component
public class PlanVersions {

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, PlanScorer> scorers = new ConcurrentHashMap<>();

	PlanVersions(MongoTemplate mongo, JsonMapper json, Clock clock) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
	}

	/** Stores the version carried by the event; false when it was already known. */
	public boolean store(PlanEvent event) {
		PlanVersionFact fact = new PlanVersionFact(PlanVersionFact.id(event.planId(), event.version()), event.planId(),
				event.version(), event.appliesTo() == null ? List.of() : List.copyOf(event.appliesTo()), event.type(),
				event.eventId(), event.occurredAt(), clock.instant(), json.writeValueAsString(event.plan()),
				event.revision() == null ? null : json.writeValueAsString(event.revision()));
		try {
			mongo.insert(fact);
			return true;
		}
		catch (DuplicateKeyException alreadyKnown) {
			return false;
		}
	}

	public List<PlanVersionFact> versions(String planId) {
		return mongo.find(Query.query(where("planId").is(planId)).with(Sort.by("version")), PlanVersionFact.class);
	}

	public Optional<PlanVersionFact> version(String planId, int version) {
		return Optional.ofNullable(mongo.findById(PlanVersionFact.id(planId, version), PlanVersionFact.class));
	}

	/** The version in force for a checkpoint: the highest whose {@code appliesTo} contains it. */
	public Optional<PlanVersionFact> inForce(String planId, String checkpoint) {
		return versions(planId).stream().filter(v -> v.appliesTo(checkpoint))
				.max(Comparator.comparingInt(PlanVersionFact::version));
	}

	public List<String> planIds() {
		return mongo.findDistinct(new Query(), "planId", PlanVersionFact.class, String.class);
	}

	public PlanScorer scorer(PlanVersionFact fact) {
		return scorers.computeIfAbsent(fact.id(), id -> new PlanScorer(
				PlanMapper.toScoringPlan(fact.planId(), fact.version(), content(fact))));
	}

	public PlanEvent.Content content(PlanVersionFact fact) {
		return json.readValue(fact.content(), PlanEvent.Content.class);
	}

	/** The revision that produced this version; empty for version 1 (and for versions stored before it was kept). */
	public Optional<PlanEvent.Revision> revision(PlanVersionFact fact) {
		return fact.revision() == null ? Optional.empty()
				: Optional.of(json.readValue(fact.revision(), PlanEvent.Revision.class));
	}
}
