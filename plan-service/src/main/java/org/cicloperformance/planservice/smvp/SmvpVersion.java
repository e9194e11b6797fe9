package org.cicloperformance.planservice.smvp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.EvaluationPolicy;
import org.cicloperformance.planservice.plan.ScoringPolicy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of the SMVP of an entity for a year, as stored: one document per version ({@code id} =
 * {@code smvpId#number}), inserted once and never updated, so a version cannot be overwritten.
 * {@code appliesFrom} is null for version 1 (it applies to every checkpoint). {@code evaluation} is the individual
 * evaluation policy it sets (null when it sets none, as in versions stored before it existed).
 */
@Document("smvp_versions")
public record SmvpVersion(@Id String id, String smvpId, String entity, int year, int number, String title,
		ScoringRules rules, List<QualitativeLevel> qualitativeScale, ApprovingAct act, LocalDate appliesFrom,
		String reason, Instant createdAt, String createdBy, EvaluationPolicy evaluation) {

	public SmvpVersion {
		qualitativeScale = qualitativeScale == null ? List.of() : List.copyOf(qualitativeScale);
	}

	static String smvpIdOf(String entity, int year) {
		return entity + "-" + year;
	}

	static String idOf(String smvpId, int number) {
		return smvpId + "#" + number;
	}

	/** The policy this version sets for the plans of its entity and year, its evaluation policy included. */
	public ScoringPolicy policy() {
		return rules.policy(smvpId, number, act).withEvaluation(evaluation);
	}
}
