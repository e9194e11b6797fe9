package org.cicloperformance.planservice.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Append-only: this class inserts and reads, and has no way to change or delete an entry. */
@Repository
class AuditTrail {

	private final MongoTemplate mongo;

	AuditTrail(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void append(AuditEntry entry) {
		mongo.insert(entry);
	}

	public List<AuditEntry> of(String entity, Instant from, int limit) {
		var criteria = where("entity").is(entity);
		if (from != null) {
			criteria = criteria.and("at").gte(from);
		}
		return mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit), AuditEntry.class);
	}
}
