package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.dashboard.Pages.CheckpointOption;
import org.cicloperformance.reportingservice.dashboard.Pages.Header;
import org.cicloperformance.reportingservice.dashboard.Pages.LegendEntry;
import org.cicloperformance.reportingservice.dashboard.Pages.Link;
import org.cicloperformance.reportingservice.dashboard.Pages.Meta;
import org.cicloperformance.reportingservice.dashboard.Pages.TrendPoint;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.Policy;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What every page starts from: the score document of the checkpoint with the plan version it was scored with, and
 * the parts every plan page shares (header, meta, legend, trend over the checkpoints). Nothing here computes a
 * score: every figure is one the engine stored.
 */
@Component
class ScoredPlans {

	/** A score document with the plan version it was scored with, and what of it is still to be measured. */
	record Scored(ScoreDocument document, PlanEvent.Content content, ScoringPlan plan, ToMeasure toMeasure) {

		Policy policy() {
			return plan.policy();
		}

		String planId() {
			return document.planId();
		}

		String checkpoint() {
			return document.checkpoint();
		}

		TrafficLight light(BigDecimal score) {
			return TrafficLight.of(policy(), score);
		}

		/** The node's light; "to be measured" when nothing was posted under it on an open checkpoint. */
		TrafficLight light(NodeScore node) {
			return toMeasure.node(node) ? TrafficLight.TO_MEASURE : light(node.score());
		}

		/** The node's score as shown: none while it is to be measured. */
		BigDecimal score(NodeScore node) {
			return toMeasure.node(node) ? null : node.score();
		}

		/** The node's coverage as shown: none while it is to be measured (the engine's 100% counts zeros). */
		BigDecimal coverage(NodeScore node) {
			return toMeasure.node(node) ? null : node.coverage();
		}
	}

	/** The final scores of a closed checkpoint, the live ones otherwise. */
	private final CurrentScores scores;

	private final PlanVersions plans;

	private final Access access;

	ScoredPlans(CurrentScores scores, PlanVersions plans, Access access) {
		this.scores = scores;
		this.plans = plans;
		this.access = access;
	}

	Scored scored(String planId, String checkpoint) {
		ScoreDocument document = scores.find(planId, checkpoint)
				.orElseThrow(() -> new NotFoundException("notFound.scores", planId, checkpoint));
		return withPlan(document);
	}

	Scored withPlan(ScoreDocument document) {
		PlanVersionFact version = plans.version(document.planId(), document.scorecard().planVersion()).orElseThrow();
		return new Scored(document, plans.content(version), plans.scorer(version).plan(), ToMeasure.of(document));
	}

	/** Every checkpoint's score document of the plan, in checkpoint order. */
	List<ScoreDocument> all(String planId) {
		return scores.findAll(planId);
	}

	Optional<ScoreDocument> find(String planId, String checkpoint) {
		return scores.find(planId, checkpoint);
	}

	/** The checkpoint a plan opens on: the latest one with a result, else the first one scored. */
	String defaultCheckpoint(String planId) {
		List<ScoreDocument> documents = scores.findAll(planId);
		if (documents.isEmpty()) {
			throw new NotFoundException("notFound.plan", planId);
		}
		return documents.stream()
				.filter(d -> d.scorecard().indicators().stream().anyMatch(i -> i.result() != null))
				.reduce((first, second) -> second).orElse(documents.get(0)).checkpoint();
	}

	/** The plans the reader may open (of its entity), each linked to the reader's own page of it. */
	List<Pages.PlanSummary> summaries(List<PlanScope> readable) {
		return readable.stream().sorted(Comparator.comparing(PlanScope::planId)).map(scope -> {
			String id = scope.planId();
			List<PlanVersionFact> versions = plans.versions(id);
			PlanEvent.Content content = plans.content(versions.get(versions.size() - 1));
			return new Pages.PlanSummary(id, content.title(), content.entityName(), content.year(), versions.size(),
					checkpoints(id, content), scope.home().orElseThrow());
		}).toList();
	}

	/** The header links only what the reader may open: the others would only lead to a refusal. */
	Header header(Scored scored, String path, PlanScope scope) {
		String planId = scored.planId();
		String checkpoint = scored.checkpoint();
		List<Pages.PlanOption> options = access.plans().stream().map(PlanScope::planId).sorted().map(id -> {
			List<PlanVersionFact> versions = plans.versions(id);
			PlanEvent.Content content = plans.content(versions.get(versions.size() - 1));
			return new Pages.PlanOption(id, content.title() == null ? id : content.title());
		}).toList();
		List<Link> managers = scored.plan().managers().stream().filter(m -> scope.manager(m.id()))
				.map(m -> new Link(Links.manager(planId, m.id(), checkpoint), m.name())).toList();
		List<Link> areas = scored.plan().organisationalAreas().stream().filter(a -> scope.area(a.code()))
				.map(a -> new Link(Links.area(planId, a.code(), checkpoint), a.name())).toList();
		return new Header(planId, scored.content().title(), scored.content().entityName(), options,
				checkpoints(planId, scored.content()), checkpoint, scored.document().checkpointLabel(),
				scored.document().checkpointDate(), managers, areas, path, scope.overview(), scope.hrFeed());
	}

	private List<CheckpointOption> checkpoints(String planId, PlanEvent.Content content) {
		Map<String, ScoreDocument> scored = scores.findAll(planId).stream()
				.collect(Collectors.toMap(ScoreDocument::checkpoint, Function.identity(), (a, b) -> a));
		List<CheckpointOption> options = new ArrayList<>();
		if (content.checkpoints() != null) {
			content.checkpoints().stream().filter(Objects::nonNull)
					.sorted(Comparator.comparing(PlanEvent.Checkpoint::date,
							Comparator.nullsLast(Comparator.naturalOrder())))
					.forEach(c -> options.add(new CheckpointOption(c.id(), c.label() == null ? c.id() : c.label(),
							c.date(), scored.containsKey(c.id()))));
		}
		scored.values().stream().filter(d -> options.stream().noneMatch(o -> o.id().equals(d.checkpoint())))
				.forEach(d -> options.add(new CheckpointOption(d.checkpoint(), d.checkpointLabel(), d.checkpointDate(),
						true)));
		return options;
	}

	/**
	 * A node (manager, area, objective) at every checkpoint scored, each with the light of its own policy; a
	 * checkpoint where it is still to be measured has no score (the charts leave it out).
	 */
	List<TrendPoint> trend(String planId, String checkpoint, Function<Scorecard, Optional<NodeScore>> select) {
		Map<Integer, Policy> policies = new HashMap<>();
		List<TrendPoint> points = new ArrayList<>();
		for (ScoreDocument document : scores.findAll(planId)) {
			select.apply(document.scorecard()).ifPresent(node -> {
				Policy policy = policies.computeIfAbsent(document.scorecard().planVersion(),
						v -> withPlan(document).policy());
				boolean toMeasure = ToMeasure.of(document).node(node);
				points.add(new TrendPoint(document.checkpoint(), document.checkpointLabel(), document.checkpointDate(),
						document.scorecard().planVersion(), toMeasure ? null : node.score(),
						toMeasure ? null : node.coverage(),
						toMeasure ? TrafficLight.TO_MEASURE : TrafficLight.of(policy, node.score()),
						document.checkpoint().equals(checkpoint)));
			});
		}
		return points;
	}

	static Meta meta(ScoreDocument document) {
		ToMeasure toMeasure = ToMeasure.of(document);
		return new Meta(document.scorecard().planVersion(), document.scorecard().policyVersion(),
				document.status().name(), document.finalCheckpoint(), document.computedAt(), document.revision(),
				toMeasure.missingZero(), toMeasure.closed(), document.scorecard().smvpId(),
				document.scorecard().smvpVersion());
	}

	static List<LegendEntry> legend(Policy policy) {
		return policy.incentiveBands().stream()
				.sorted(Comparator.comparing(Policy.IncentiveBand::from, Comparator.nullsFirst(Comparator.naturalOrder()))
						.reversed())
				.map(b -> new LegendEntry(TrafficLight.of(b.payout()), b.code(), b.from(), b.to())).toList();
	}
}
