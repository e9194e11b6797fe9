package org.cicloperformance.reportingservice.hr;

import java.util.List;
import java.util.Optional;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.engine.Incentives;
import org.cicloperformance.reportingservice.engine.Incentives.Payout;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
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

	HrFeedService(CurrentScores scores, PlanVersions plans) {
		this.scores = scores;
		this.plans = plans;
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
					incentives(plan, document, manager.id()));
		}).toList();
		boolean isFinal = document.status() == ScoreDocument.Status.FINAL;
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
}
