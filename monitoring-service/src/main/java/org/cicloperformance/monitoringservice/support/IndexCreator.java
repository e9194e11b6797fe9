package org.cicloperformance.monitoringservice.support;

import org.cicloperformance.monitoringservice.audit.AuditTrail;
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

	IndexCreator(PlanVersionStore plans, ResultStore results, AuditTrail audit) {
		this.plans = plans;
		this.results = results;
		this.audit = audit;
	}

	@Override
	public void afterSingletonsInstantiated() {
		plans.createIndexes();
		results.createIndexes();
		audit.createIndexes();
	}
}
