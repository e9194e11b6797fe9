package org.cicloperformance.planservice.plan.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The parked events, one document each, keyed by event id so that parking twice (a retried pass) stores one. Public
 * for its one query, which the API ({@code plan.web}) serves to planners.
 */
@Repository
public class ParkedEvents {

	private final MongoTemplate mongo;

	ParkedEvents(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void park(ParkedEvent event) {
		mongo.save(event);
	}

	public List<ParkedEvent> of(String entity) {
		return mongo.find(query(where("entity").is(entity)).with(Sort.by("parkedAt")), ParkedEvent.class);
	}
}
