package org.cicloperformance.planservice.plan;

import java.util.List;

/**
 * A formal change to an approved plan: it turns version {@code baseVersion} into the next one. {@code appliesTo}
 * lists the checkpoints whose scoring uses the new version (a mid-year revision applies to the year-end one).
 * {@code proposal} names the manager's proposal it comes from, when it does.
 */
public record Revision(Integer baseVersion, String reason, ApprovingAct act, List<String> appliesTo,
		List<PlanChange> changes, String proposal) {

	public Revision {
		appliesTo = Lists.copy(appliesTo);
		changes = Lists.copy(changes);
	}
}
