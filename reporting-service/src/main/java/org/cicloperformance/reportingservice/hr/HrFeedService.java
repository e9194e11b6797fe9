package org.cicloperformance.reportingservice.hr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.engine.Incentives;
import org.cicloperformance.reportingservice.engine.Incentives.Payout;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.evaluation.ResultPay.PayLine;
import org.cicloperformance.reportingservice.evaluation.store.PayTables;
import org.cicloperformance.reportingservice.evaluation.store.SchedaDocument;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Builds the HR feed from the current scores (the final ones of a closed checkpoint, else the live ones) and the
 * plan version they were scored with (API, dashboard and the {@code hr-feed} topic).
 */
@Service
public class HrFeedService {

	private final CurrentScores scores;

	private final PlanVersions plans;

	private final PayTables pay;

	HrFeedService(CurrentScores scores, PlanVersions plans, PayTables pay) {
		this.scores = scores;
		this.plans = plans;
		this.pay = pay;
	}

	public HrFeed feed(String planId, String checkpoint) {
		CurrentScores.Current current = scores.resolve(planId, checkpoint)
				.orElseThrow(() -> new NotFoundException("notFound.scores", planId, checkpoint));
		return feed(current.document(), current.closing());
	}

	/** The feed of these scores: {@code FINAL} ones carry their {@code closing}, and pay on the final checkpoint. */
	public HrFeed feed(ScoreDocument document, Integer closing) {
		String planId = document.planId();
		String checkpoint = document.checkpoint();
		int planVersion = document.scorecard().planVersion();
		ScoringPlan plan = plans.version(planId, planVersion).map(plans::scorer).orElseThrow().plan();
		String status = document.status().name();
		boolean isFinal = document.status() == ScoreDocument.Status.FINAL;
		Evaluations evaluations = isFinal && document.finalCheckpoint() ? evaluations(planId, checkpoint, closing)
				: Evaluations.NONE;
		List<HrFeed.Row> rows = plan.managers().stream().map(manager -> {
			NodeScore score = document.scorecard().manager(manager.id()).orElseThrow();
			Optional<Payout> payout = Incentives.payout(plan.policy(), score.score());
			String areaName = plan.organisationalAreas().stream()
					.filter(a -> a.code().equals(manager.organisationalArea())).map(ScoringPlan.OrganisationalArea::name)
					.findFirst().orElse(null);
			return new HrFeed.Row(manager.id(), manager.name(), manager.organisationalArea(), areaName, score.score(),
					score.coverage(), payout.map(Payout::band).orElse(null),
					payout.map(Payout::percentage).orElse(null), payout.map(Payout::arithmetic).orElse(null),
					document.scorecard().policyVersion(), planVersion, document.computedAt(), status,
					incentives(plan, document, manager.id()), evaluations.schede().get(manager.id()),
					evaluations.pay().get(manager.id()));
		}).toList();
		return new HrFeed(planId, checkpoint, document.checkpointLabel(), status, planVersion,
				document.scorecard().policyVersion(), document.computedAt(), rows, isFinal ? closing : null,
				isFinal && document.finalCheckpoint());
	}

	private static List<HrFeed.IncentiveEarning> incentives(ScoringPlan plan, ScoreDocument document,
			String managerId) {
		return plan.objectives().stream()
				.filter(o -> o.incentive() != null && managerId.equals(o.manager()))
				.map(o -> {
					NodeScore score = document.scorecard().objective(o.code()).orElseThrow();
					Optional<Payout> payout = Incentives.payout(plan.policy(), score.score());
					return new HrFeed.IncentiveEarning(o.code(), o.title(), score.score(), score.coverage(),
							payout.map(Payout::band).orElse(null), payout.map(Payout::percentage).orElse(null),
							o.incentive().coefficient(),
							payout.map(p -> Incentives.earnings(o.incentive(), p)).orElse(List.of()));
				}).toList();
	}

	/**
	 * The FINAL schede and pay lines of each manager, when the schede were made on the final scores of this very
	 * closing: after a reopening and a new closing a scheda made on the former scores is left out until corrected.
	 */
	private record Evaluations(Map<String, HrFeed.Evaluation> schede, Map<String, List<HrFeed.ResultPayShare>> pay) {

		static final Evaluations NONE = new Evaluations(Map.of(), Map.of());
	}

	private Evaluations evaluations(String planId, String checkpoint, Integer closing) {
		List<SchedaDocument> finals = pay.finals(planId).stream()
			.filter(d -> checkpoint.equals(d.checkpoint()) && closing != null && closing == d.closing())
			.toList();
		if (finals.isEmpty()) {
			return Evaluations.NONE;
		}
		Map<String, HrFeed.Evaluation> schede = new HashMap<>();
		finals.forEach(d -> schede.put(d.managerId(), evaluation(d)));
		Map<String, List<HrFeed.ResultPayShare>> shares = new HashMap<>();
		pay.report(planId).funds().forEach(fundPay -> resultPay(fundPay, schede::containsKey)
			.forEach((m, l) -> shares.computeIfAbsent(m, k -> new ArrayList<>()).addAll(l)));
		shares.replaceAll((m, l) -> List.copyOf(l));
		return new Evaluations(schede, shares);
	}

	/** What a managers' fund gives each manager {@code paid}, as the feed's rows carry it; empty without a table. */
	public static Map<String, List<HrFeed.ResultPayShare>> resultPay(PayTables.FundPay fundPay,
			java.util.function.Predicate<String> paid) {
		Map<String, List<HrFeed.ResultPayShare>> shares = new HashMap<>();
		if (fundPay.table() == null) {
			return shares;
		}
		var f = fundPay.fund();
		for (PayLine line : fundPay.table().lines()) {
			if (paid.test(line.managerId())) {
				shares.computeIfAbsent(line.managerId(), m -> new ArrayList<>())
					.add(new HrFeed.ResultPayShare(f.code(), f.name(), f.version(), f.amount(), f.act(), f.actDate(),
							line.share(), line.differentiated(), line.amount(), line.arithmetic()));
			}
		}
		return shares;
	}

	/** A FINAL scheda as the feed carries it (also in {@code EvaluationFinalised}). */
	public static HrFeed.Evaluation evaluation(SchedaDocument d) {
		SchedaDocument.Computed c = d.computed();
		return new HrFeed.Evaluation(d.version(), d.state().name(), d.group() == null ? null : d.group().name(),
				d.checkpoint(), d.closing(), d.ownObjectives(), d.entityPerformance(), c == null ? null : c.behaviours(),
				c == null ? null : c.total(), c == null ? null : c.band(), c == null ? null : c.share(),
				c == null ? null : c.arithmetic(), d.finalAt());
	}
}
