package org.cicloperformance.reportingservice.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Collection {@code alert_mail_policies}: one document per plan, replaced whole (single-document writes). */
@Component
class AlertMailPolicies {

	private final MongoTemplate mongo;

	private final Clock clock;

	AlertMailPolicies(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	Optional<AlertMailPolicy> find(String planId) {
		return Optional.ofNullable(mongo.findById(planId, AlertMailPolicy.class));
	}

	/** The policies that turn alerts by e-mail on, for the rounds. */
	List<AlertMailPolicy> enabled() {
		return mongo.find(Query.query(where("enabled").is(true)), AlertMailPolicy.class);
	}

	/** Stores the request as the plan's policy, its revision one more than the stored one's. */
	AlertMailPolicy put(String planId, String entity, String user, AlertMailRequest request) {
		int revision = find(planId).map(AlertMailPolicy::revision).orElse(0) + 1;
		AlertMailPolicy policy = new AlertMailPolicy(planId, entity, Boolean.TRUE.equals(request.enabled()),
				request.language(), request.plannerEmail(), request.managers(),
				Boolean.TRUE.equals(request.clearedNotes()), revision, clock.instant(), user);
		return mongo.save(policy);
	}
}
