package org.cicloperformance.monitoringservice.support;

import org.cicloperformance.monitoringservice.audit.AuditTrail;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointStore;
import org.cicloperformance.monitoringservice.idempotency.IdempotencyStore;
import org.cicloperformance.monitoringservice.outbox.ParkedEvents;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.result.ResultStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes once, at start-up, on one thread, before the consumer and the relay start
 * (mongo-java-server crashes when indexes are created concurrently).
 */
@Component
class IndexCreator implements SmartInitializingSingleton {

	private final PlanVersionStore plans;

	private final ResultStore results;

	private final AuditTrail audit;

	private final CheckpointStore checkpoints;

	private final IdempotencyStore idempotency;

	private final ParkedEvents parked;

	IndexCreator(PlanVersionStore plans, ResultStore results, AuditTrail audit, CheckpointStore checkpoints,
			IdempotencyStore idempotency, ParkedEvents parked) {
		this.parked = parked;
		this.plans = plans;
		this.results = results;
		this.audit = audit;
		this.checkpoints = checkpoints;
		this.idempotency = idempotency;
	}

	@Override
	public void afterSingletonsInstantiated() {
		plans.createIndexes();
		results.createIndexes();
		audit.createIndexes();
		checkpoints.createIndexes();
		idempotency.createIndexes();
		parked.createIndexes();
	}
}
