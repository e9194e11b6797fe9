package org.cicloperformance.planservice.plan.messaging;

import org.cicloperformance.planservice.plan.OutboxEntry;
import org.cicloperformance.planservice.plan.Plan;

/** Builds the event an outbox entry stands for from the version stored beside it. */
final class PlanEvents {

	private PlanEvents() {
	}

	/** A stored entry names a version the plan does not have: no retry will ever build its event. */
	static final class MissingVersionException extends IllegalStateException {

		MissingVersionException(String message) {
			super(message);
		}
	}

	static Object of(Plan plan, OutboxEntry entry) {
		var version = plan.version(entry.version())
			.orElseThrow(() -> new MissingVersionException("outbox of " + plan.id() + " names missing version "
					+ entry.version()));
		if (OutboxEntry.PLAN_PUBLISHED.equals(entry.type())) {
			return new PlanPublished(entry.type(), entry.eventId(), plan.id(), plan.entity(), plan.year(),
					version.number(), version.appliesTo(), entry.createdAt(), version.approvedBy(), version.content());
		}
		return new PlanRevised(entry.type(), entry.eventId(), plan.id(), plan.entity(), plan.year(), version.number(),
				version.appliesTo(), entry.createdAt(), version.approvedBy(), version.content(), version.revision());
	}
}
