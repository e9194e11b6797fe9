package org.cicloperformance.reportingservice.alert;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.springframework.stereotype.Service;

/**
 * The alert e-mails of a plan as the API sees them: its policy (read, replaced after the rules' checks) and the
 * messages recorded in the ledger. The caller (alert/web) has checked the role and that the plan is the caller's.
 */
@Service
public class AlertMails {

	private final AlertMailPolicies policies;

	private final AlertMailLedger ledger;

	private final PlanVersions plans;

	AlertMails(AlertMailPolicies policies, AlertMailLedger ledger, PlanVersions plans) {
		this.policies = policies;
		this.ledger = ledger;
		this.plans = plans;
	}

	public Optional<AlertMailPolicy> policy(String planId) {
		return policies.find(planId);
	}

	/** Refused (422, pointers) when a field breaks the rules; the managers are those of every plan version. */
	public AlertMailPolicy put(String planId, String entity, String user, AlertMailRequest request) {
		Set<String> managers = plans.versions(planId).stream()
				.flatMap(v -> plans.scorer(v).plan().managers().stream()).map(ScoringPlan.Manager::id)
				.collect(Collectors.toSet());
		var refusals = AlertMailRules.check(request, managers);
		if (!refusals.isEmpty()) {
			throw new AlertMailRefusedException(refusals);
		}
		return policies.put(planId, entity, user, request);
	}

	public List<AlertMailEntry> sent(String planId) {
		return ledger.list(planId);
	}
}
