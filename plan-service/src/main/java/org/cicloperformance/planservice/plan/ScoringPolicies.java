package org.cicloperformance.planservice.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a plan finds the scoring method its entity adopted for the year (the SMVP, package {@code smvp}). The plan
 * feature owns this small interface and the SMVP feature implements it, so dependencies run one way (smvp → plan).
 */
public interface ScoringPolicies {

	/** The versions of the SMVP of {@code entity} for {@code year}, oldest first; empty when it adopted none. */
	List<Adopted> adopted(String entity, int year);

	/**
	 * One SMVP version as plans use it: the policy it sets (naming the SMVP and the version), the act that adopted
	 * it, and the date of the first checkpoint it applies to (version 1 applies to every checkpoint).
	 */
	record Adopted(ScoringPolicy policy, ApprovingAct act, LocalDate appliesFrom) {
	}
}
