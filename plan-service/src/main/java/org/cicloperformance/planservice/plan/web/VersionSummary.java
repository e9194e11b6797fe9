package org.cicloperformance.planservice.plan.web;

import java.time.Instant;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.PlanVersion;

record VersionSummary(int number, List<String> appliesTo, ApprovingAct act, String reason, int changes,
		Instant approvedAt, String approvedBy) {

	static VersionSummary of(PlanVersion version) {
		var revision = version.revision();
		return new VersionSummary(version.number(), version.appliesTo(), version.act(),
				revision == null ? null : revision.reason(), revision == null ? 0 : revision.changes().size(),
				version.approvedAt(), version.approvedBy());
	}
}
