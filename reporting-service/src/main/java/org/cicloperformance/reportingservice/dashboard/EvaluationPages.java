package org.cicloperformance.reportingservice.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.dashboard.EntryPages.ErrorLink;
import org.cicloperformance.reportingservice.dashboard.EntryPages.Field;
import org.cicloperformance.reportingservice.dashboard.Pages.Header;
import org.cicloperformance.reportingservice.dashboard.ScoredPlans.Scored;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.Scheda.Rating;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.State;
import org.cicloperformance.reportingservice.evaluation.store.Policies;
import org.cicloperformance.reportingservice.evaluation.store.SchedaDocument;
import org.cicloperformance.reportingservice.evaluation.store.Schede;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The schede di valutazione in the dashboard (issue 16): the list of the plan's managers with their scheda, and one
 * scheda with its organisational parts as the FINAL scores gave them (read-only, with their arithmetic), the
 * behaviours of the policy's catalogue to rate on its scale, the total as the rules computed it, and the steps the
 * reader may ask for. Nothing is computed or decided here: {@link Schede} rates, moves and refuses; the actions
 * offered are the ones the scheda's state admits for the reader's role, and the services have the last word.
 * Named {@code evaluationNav} for the layout, which links the pages per role.
 */
@Component("evaluationNav")
class EvaluationPages {

	private final ScoredPlans plans;

	private final Schede schede;

	private final Policies policies;

	private final Formats fmt;

	private final MessageSource messages;

	EvaluationPages(ScoredPlans plans, Schede schede, Policies policies, Formats fmt, MessageSource messages) {
		this.plans = plans;
		this.schede = schede;
		this.policies = policies;
		this.fmt = fmt;
		this.messages = messages;
	}

	/** A manager of the plan and their scheda, if the reader may read one ({@code create}: the form to start it). */
	record Row(String managerId, String name, String href, String state, Integer version, String total,
			boolean create, String group) {
	}

	record ListPage(Header header, List<Row> rows, boolean evaluator, List<ErrorLink> errors, String sent,
			String payHref) {
	}

	/** A level of the scale with its descriptor; {@code id} the radio button's. */
	record Level(int value, String id, String descriptor, boolean checked) {
	}

	/** A behaviour of the catalogue: its levels to choose from (or the one chosen), its reason, their refusals. */
	record Behaviour(String code, String name, String weight, List<Level> levels, String chosen, String reason,
			String levelError, String reasonError) {

		public boolean invalid() {
			return levelError != null || reasonError != null;
		}
	}

	record Step(String action, String actor, String at, String reason, String from, String to) {
	}

	record SchedaPage(Header header, SchedaDocument scheda, String stateLabel, String group, String ownObjectives,
			String entityPerformance, String weightOwn, String weightEntity, String weightBehaviours,
			String behaviours, String total, String share, String proposedAt, String reviewDeadline, String finalAt,
			boolean rateable, String scale, int reasonBelow, List<Behaviour> catalogue, List<String> actions,
			Field reason, List<ErrorLink> errors, List<Step> history, String sent, String listHref) {
	}

	// --- the layout's links ---

	public boolean schede(PlanScope scope) {
		return scope != null && (scope.schede() || ownScheda(scope));
	}

	public boolean pay(PlanScope scope) {
		return scope != null && scope.hrFeed();
	}

	private static boolean ownScheda(PlanScope scope) {
		return scope.actor().hasAnyRole(Role.MANAGER) && scope.actor().manager() != null;
	}

	static String listHref(String planId) {
		return "/dashboard/plans/" + planId + "/schede";
	}

	static String schedaHref(String planId, String managerId) {
		return listHref(planId) + "/" + managerId;
	}

	// --- the pages ---

	ListPage list(String planId, String path, PlanScope scope, List<ErrorLink> errors, String sent) {
		Scored scored = plans.scored(planId, plans.defaultCheckpoint(planId));
		Map<String, SchedaDocument> latest = new LinkedHashMap<>();
		schede.readable(scope.actor(), planId).forEach(d -> latest.put(d.managerId(), d));
		boolean evaluator = scope.actor().hasAnyRole(Role.EVALUATOR, Role.OIV);
		String group = scope.actor().hasAnyRole(Role.EVALUATOR) ? RoleGroup.DIRIGENTE.name()
				: RoleGroup.SEGRETARIO_GENERALE.name();
		List<Row> rows = scored.plan().managers().stream().map(m -> {
			SchedaDocument d = latest.get(m.id());
			return d == null
					? new Row(m.id(), m.name(), null, null, null, Formats.NONE, evaluator, group)
					: new Row(m.id(), m.name(), schedaHref(planId, m.id()), text("evaluation.state." + d.state()),
							d.version(), d.computed() == null ? Formats.NONE : fmt.percent(d.computed().total()), false,
							null);
		}).toList();
		return new ListPage(plans.header(scored, path, scope), rows, evaluator, errors, sent,
				scope.hrFeed() ? "/dashboard/plans/" + planId + "/pay" : null);
	}

	/** The latest version of the manager's scheda the reader may read ({@link Schede} refuses the others). */
	SchedaDocument scheda(String planId, String managerId, PlanScope scope) {
		List<SchedaDocument> versions = schede.readable(scope.actor(), planId, managerId);
		return versions.get(versions.size() - 1);
	}

	/**
	 * The scheda's page; {@code typed} what the evaluator sent (kept after a refusal), {@code refusals} the fields
	 * named by the services' refusal.
	 */
	SchedaPage page(SchedaDocument d, String path, PlanScope scope, Map<String, String> typed,
			List<ErrorLink> refusals, String sent) {
		Scored scored = plans.scored(d.planId(), d.checkpoint());
		EvaluationPolicy policy = policyOf(d);
		boolean evaluatorOfIt = evaluatorOf(scope, d);
		boolean rateable = evaluatorOfIt && (d.state() == State.DRAFT || d.state() == State.REVIEW_REQUESTED);
		Map<String, String> byField = new HashMap<>();
		refusals.stream().filter(r -> r.fieldId() != null)
			.forEach(r -> byField.merge(r.fieldId(), r.message(), (a, b) -> a + " " + b));
		Map<String, Rating> rated = new HashMap<>();
		d.ratings().forEach(r -> rated.put(r.behaviour(), r));
		List<Behaviour> catalogue = policy.behaviours().stream().map(b -> {
			Rating r = rated.get(b.code());
			String level = typed.containsKey("level-" + b.code()) ? typed.get("level-" + b.code())
					: r == null ? "" : Integer.toString(r.level());
			String reason = typed.containsKey("reason-" + b.code()) ? typed.get("reason-" + b.code())
					: r == null || r.reason() == null ? "" : r.reason();
			List<Level> levels = new ArrayList<>();
			for (int l = policy.scale().highest(); l >= policy.scale().lowest(); l--) {
				levels.add(new Level(l, "level-" + b.code() + "-" + l, b.descriptors().get(l),
						level.equals(Integer.toString(l))));
			}
			String chosen = r == null ? Formats.NONE : r.level() + " — " + b.descriptors().get(r.level());
			return new Behaviour(b.code(), b.name(), fmt.percent(b.weight()), levels, chosen, reason,
					byField.get("level-" + b.code()), byField.get("reason-" + b.code()));
		}).toList();
		Field reason = new Field("transition-reason", text("evaluation.field.reason"),
				text("evaluation.hint.reason"), typed.getOrDefault("reason", ""), byField.get("transition-reason"),
				"textarea");
		List<ErrorLink> summary = new ArrayList<>();
		catalogue.forEach(b -> {
			if (b.levelError() != null) {
				summary.add(new ErrorLink("level-" + b.code(), b.code() + " — " + b.name() + ": " + b.levelError()));
			}
			if (b.reasonError() != null) {
				summary.add(new ErrorLink("reason-" + b.code(), text("evaluation.field.ratingReason", b.code()) + ": "
						+ b.reasonError()));
			}
		});
		if (reason.invalid()) {
			summary.add(new ErrorLink(reason.id(), reason.label() + ": " + reason.error()));
		}
		refusals.stream().filter(r -> r.fieldId() == null).forEach(summary::add);
		var weights = policy.weights().get(d.group());
		var c = d.computed();
		List<Step> history = d.history().stream().map(s -> new Step(text("evaluation.step." + s.action()),
				s.actor(), fmt.dateTime(s.at()), s.reason(), text("evaluation.state." + s.from()),
				text("evaluation.state." + s.to()))).toList();
		return new SchedaPage(plans.header(scored, path, scope), d, text("evaluation.state." + d.state()),
				text("evaluation.group." + d.group()), fmt.percent(d.ownObjectives()),
				fmt.percent(d.entityPerformance()), weights == null ? Formats.NONE : fmt.percent(weights.ownObjectives()),
				weights == null ? Formats.NONE : fmt.percent(weights.entityPerformance()),
				weights == null ? Formats.NONE : fmt.percent(weights.behaviours()),
				c == null ? Formats.NONE : fmt.percent(c.behaviours()), c == null ? Formats.NONE : fmt.percent(c.total()),
				c == null ? Formats.NONE : c.band() + ", " + fmt.percent(c.share()), fmt.dateTime(d.proposedAt()),
				fmt.dateTime(d.reviewDeadline()), fmt.dateTime(d.finalAt()), rateable,
				policy.scale().lowest() + "–" + policy.scale().highest(), policy.reasonRequiredBelow(), catalogue,
				actions(scope, d, evaluatorOfIt), reason, summary, history, sent, listHref(d.planId()));
	}

	/**
	 * The steps the scheda's state admits for the reader: the evaluator's (the OIV's for the Segretario Generale) and
	 * the manager's own. The services decide whether each is allowed now (deadlines, revision).
	 */
	private static List<String> actions(PlanScope scope, SchedaDocument d, boolean evaluatorOfIt) {
		List<String> out = new ArrayList<>();
		if (evaluatorOfIt) {
			switch (d.state()) {
				case DRAFT -> out.add("PROPOSE");
				case REVIEW_REQUESTED -> out.add("REVIEW");
				case PROPOSED, ACKNOWLEDGED, REVIEWED -> out.add("FINALISE");
				case FINAL -> out.add("CORRECT");
			}
		}
		if (scope.actor().hasAnyRole(Role.MANAGER) && scope.actor().isManager(d.managerId())) {
			if (d.state() == State.PROPOSED) {
				out.add("ACKNOWLEDGE");
			}
			if (d.state() == State.PROPOSED || d.state() == State.ACKNOWLEDGED) {
				out.add("REQUEST_REVIEW");
			}
		}
		return out;
	}

	private static boolean evaluatorOf(PlanScope scope, SchedaDocument d) {
		boolean role = d.group() == RoleGroup.SEGRETARIO_GENERALE ? scope.actor().hasAnyRole(Role.OIV)
				: scope.actor().hasAnyRole(Role.EVALUATOR);
		return role && !d.managerId().equals(scope.actor().manager());
	}

	/** The policy the scheda was made under (its SMVP version's, or the file), never the one in force today. */
	private EvaluationPolicy policyOf(SchedaDocument d) {
		return policies.of(d.planId(), d.policy()).policy();
	}

	/**
	 * The ratings of the form in the catalogue's order, a behaviour without a level left out (the rules then name
	 * it); {@code codes} receives each rating's behaviour, so that a refusal's {@code /ratings/i} finds its field.
	 */
	List<Rating> ratings(SchedaDocument d, Map<String, String> typed, List<String> codes) {
		List<Rating> out = new ArrayList<>();
		for (EvaluationPolicy.Behaviour b : policyOf(d).behaviours()) {
			String level = typed.getOrDefault("level-" + b.code(), "").strip();
			if (level.isEmpty()) {
				continue;
			}
			int value;
			try {
				value = Integer.parseInt(level);
			}
			catch (NumberFormatException e) {
				value = Integer.MIN_VALUE;
			}
			String reason = typed.getOrDefault("reason-" + b.code(), "").strip();
			out.add(new Rating(b.code(), value, reason.isEmpty() ? null : reason));
			codes.add(b.code());
		}
		return out;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}
}
