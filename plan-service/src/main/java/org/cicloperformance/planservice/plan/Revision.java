package org.cicloperformance.planservice.plan;

import java.util.List;

/**
 * A formal change to an approved plan: it turns version {@code baseVersion} into the next one. {@code appliesTo}
 * lists the checkpoints whose scoring uses the new version (a mid-year revision applies to the year-end one).
 */
public record Revision(Integer baseVersion, String reason, ApprovingAct act, List<String> appliesTo,
		List<PlanChange> changes) {

	public Revision {
		appliesTo = Lists.copy(appliesTo);
		changes = Lists.copy(changes);
	}
}
