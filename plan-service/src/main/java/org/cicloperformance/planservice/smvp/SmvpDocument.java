package org.cicloperformance.planservice.smvp;

import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.EvaluationPolicy;

/** What two SMVP versions are compared on: the document itself, without its bookkeeping (id, who, when). */
record SmvpDocument(String title, ScoringRules rules, List<QualitativeLevel> qualitativeScale,
		EvaluationPolicy evaluation, ApprovingAct act, LocalDate appliesFrom, String reason) {

	static SmvpDocument of(SmvpVersion version) {
		return new SmvpDocument(version.title(), version.rules(), version.qualitativeScale(), version.evaluation(),
				version.act(), version.appliesFrom(), version.reason());
	}
}
