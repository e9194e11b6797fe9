package org.cicloperformance.planservice.smvp;

import java.util.List;
import org.cicloperformance.planservice.plan.ScoringPolicies;
import org.springframework.stereotype.Component;

/** The plans' view of the SMVP: the policy each version sets, with its act and applicability. */
@Component
class SmvpPolicies implements ScoringPolicies {

	private final SmvpStore store;

	SmvpPolicies(SmvpStore store) {
		this.store = store;
	}

	@Override
	public List<Adopted> adopted(String entity, int year) {
		return store.versions(SmvpVersion.smvpIdOf(entity, year)).stream()
			.map(v -> new Adopted(v.policy(), v.act(), v.number() == 1 ? null : v.appliesFrom()))
			.toList();
	}
}
