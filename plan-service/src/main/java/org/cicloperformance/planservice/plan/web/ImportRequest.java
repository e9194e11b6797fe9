package org.cicloperformance.planservice.plan.web;

import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.PlanContent;

/** A whole plan in one document; with an approval act it is approved in the same call. */
record ImportRequest(PlanContent plan, ApprovingAct approvalAct) {
}
