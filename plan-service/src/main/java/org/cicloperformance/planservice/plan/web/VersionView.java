package org.cicloperformance.planservice.plan.web;

import java.time.Instant;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.PlanContent;
import org.cicloperformance.planservice.plan.PlanVersion;
import org.cicloperformance.planservice.plan.Revision;

record VersionView(String planId, int number, List<String> appliesTo, ApprovingAct act, Revision revision,
		Instant approvedAt, String approvedBy, PlanContent content) {

	static VersionView of(String planId, PlanVersion version) {
		return new VersionView(planId, version.number(), version.appliesTo(), version.act(), version.revision(),
				version.approvedAt(), version.approvedBy(), version.content());
	}
}
