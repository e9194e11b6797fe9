package org.cicloperformance.monitoringservice.reminder;

import java.util.List;
import org.cicloperformance.monitoringservice.calendar.PlanInForce;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Service;

/** The reminders of a checkpoint as recorded in the ledger: sent, failed, without address, in progress. */
@Service
public class Reminders {

	private final ReminderLedger ledger;

	private final PlanInForce plans;

	Reminders(ReminderLedger ledger, PlanInForce plans) {
		this.ledger = ledger;
		this.plans = plans;
	}

	public List<ReminderEntry> of(Actor actor, String planId, String checkpoint) {
		String entity = plans.resolve(actor.entity(), planId, checkpoint).owner();
		return ledger.of(entity, planId, checkpoint);
	}
}
