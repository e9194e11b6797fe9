package org.cicloperformance.reportingservice.evaluation.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cicloperformance.reportingservice.checkpoint.OutboxEntry;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.Scheda.Rating;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.State;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Step;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a manager's scheda di valutazione for a plan's year, one document per version
 * ({@code planId#managerId#version}). Every write replaces the document only where {@code revision} is still the
 * one the writer read (single-document compare-and-set, no transaction), and never a FINAL one: a correction is
 * the next version, inserted. The organisational parts are copied from the FINAL scores of the plan's final
 * checkpoint with their arithmetic ({@code checkpoint}, {@code closing} say which), never typed in. {@code policy}
 * names the evaluation policy it was made under: an SMVP version, or the configured file ({@link Policies}). The
 * write that makes a version FINAL also queues its {@code EvaluationFinalised} for {@code hr-feed} in
 * {@code outbox} (never shown by the API: it holds every manager's pay), pulled by the relay once Kafka
 * acknowledged it.
 */
@Document("schede")
public record SchedaDocument(@Id String id, String planId, String entity, String managerId, String managerName,
		int version, RoleGroup group, long revision, State state, String checkpoint, int closing,
		BigDecimal ownObjectives, String ownObjectivesArithmetic, BigDecimal entityPerformance,
		String entityArithmetic, List<Rating> ratings, Computed computed, String policy, Instant createdAt,
		String createdBy, Instant proposedAt, Instant reviewDeadline, Instant finalAt, String correctionReason,
		List<Step> history, @JsonIgnore List<OutboxEntry> outbox) {

	@PersistenceCreator
	public SchedaDocument {
		ratings = ratings == null ? List.of() : List.copyOf(ratings);
		history = history == null ? List.of() : List.copyOf(history);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
	}

	/** A version with nothing queued. */
	public SchedaDocument(String id, String planId, String entity, String managerId, String managerName, int version,
			RoleGroup group, long revision, State state, String checkpoint, int closing, BigDecimal ownObjectives,
			String ownObjectivesArithmetic, BigDecimal entityPerformance, String entityArithmetic,
			List<Rating> ratings, Computed computed, String policy, Instant createdAt, String createdBy,
			Instant proposedAt, Instant reviewDeadline, Instant finalAt, String correctionReason, List<Step> history) {
		this(id, planId, entity, managerId, managerName, version, group, revision, state, checkpoint, closing,
				ownObjectives, ownObjectivesArithmetic, entityPerformance, entityArithmetic, ratings, computed, policy,
				createdAt, createdBy, proposedAt, reviewDeadline, finalAt, correctionReason, history, List.of());
	}

	/** The total and its parts as the rules computed them from the ratings (null until every behaviour is rated). */
	public record Computed(BigDecimal behaviours, BigDecimal total, String band, BigDecimal share,
			String arithmetic) {
	}

	static String id(String planId, String managerId, int version) {
		return planId + "#" + managerId + "#" + version;
	}

	SchedaDocument rated(List<Rating> newRatings, Computed newComputed) {
		return new SchedaDocument(id, planId, entity, managerId, managerName, version, group, revision + 1, state,
				checkpoint, closing, ownObjectives, ownObjectivesArithmetic, entityPerformance, entityArithmetic,
				newRatings, newComputed, policy, createdAt, createdBy, proposedAt, reviewDeadline, finalAt,
				correctionReason, history);
	}

	SchedaDocument moved(State to, Instant newProposedAt, Instant deadline, Instant newFinalAt, List<Step> steps) {
		return new SchedaDocument(id, planId, entity, managerId, managerName, version, group, revision + 1, to,
				checkpoint, closing, ownObjectives, ownObjectivesArithmetic, entityPerformance, entityArithmetic,
				ratings, computed, policy, createdAt, createdBy, newProposedAt, deadline, newFinalAt,
				correctionReason, steps);
	}

	/** The next version, in DRAFT, with the same ratings for the evaluator to correct (parts: see Schede). */
	SchedaDocument correction(String reason, List<Step> steps, Instant now, String by) {
		return new SchedaDocument(id(planId, managerId, version + 1), planId, entity, managerId, managerName,
				version + 1, group, 0, State.DRAFT, checkpoint, closing, ownObjectives, ownObjectivesArithmetic,
				entityPerformance, entityArithmetic, ratings, computed, policy, now, by, null, null, null, reason,
				steps);
	}

	/** The organisational parts copied again from the final scores of a later {@code newClosing}, recomputed. */
	SchedaDocument withParts(String newCheckpoint, int newClosing, BigDecimal own, String ownArithmetic,
			BigDecimal entityScore, String entityScoreArithmetic, Computed newComputed) {
		return new SchedaDocument(id, planId, entity, managerId, managerName, version, group, revision, state,
				newCheckpoint, newClosing, own, ownArithmetic, entityScore, entityScoreArithmetic, ratings, newComputed,
				policy, createdAt, createdBy, proposedAt, reviewDeadline, finalAt, correctionReason, history, outbox);
	}

	/** This version with its event queued for {@code hr-feed}, written by the same replacement. */
	SchedaDocument withOutbox(OutboxEntry event) {
		return new SchedaDocument(id, planId, entity, managerId, managerName, version, group, revision, state,
				checkpoint, closing, ownObjectives, ownObjectivesArithmetic, entityPerformance, entityArithmetic,
				ratings, computed, policy, createdAt, createdBy, proposedAt, reviewDeadline, finalAt, correctionReason,
				history, List.of(event));
	}
}
