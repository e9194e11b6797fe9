package org.cicloperformance.planservice.smvp;

import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.EvaluationPolicy;

/**
 * A version of an SMVP as a planner sends it. Version 1 names {@code entity} and {@code year}; a later version
 * names the version it replaces ({@code baseVersion}, the optimistic check) and the date of the first checkpoint it
 * applies to ({@code appliesFrom}: the checkpoints before keep the previous version's scores). {@code evaluation},
 * optional, is the individual evaluation policy of the year (reporting-service falls back to its configured file
 * for a plan whose SMVP version has none).
 */
public record SmvpRequest(String entity, Integer year, Integer baseVersion, String title, ScoringRules rules,
		List<QualitativeLevel> qualitativeScale, ApprovingAct act, LocalDate appliesFrom, String reason,
		EvaluationPolicy evaluation) {
}
