package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cicloperformance.reportingservice.checkpoint.CheckpointState;
import org.cicloperformance.reportingservice.checkpoint.CheckpointStates;
import org.cicloperformance.reportingservice.dashboard.EntryPages.EntryForm;
import org.cicloperformance.reportingservice.dashboard.EntryPages.EntryList;
import org.cicloperformance.reportingservice.dashboard.EntryPages.EntryRow;
import org.cicloperformance.reportingservice.dashboard.EntryPages.ErrorLink;
import org.cicloperformance.reportingservice.dashboard.EntryPages.Field;
import org.cicloperformance.reportingservice.dashboard.EntryPages.Option;
import org.cicloperformance.reportingservice.dashboard.EntryPages.Preview;
import org.cicloperformance.reportingservice.dashboard.ScoredPlans.Scored;
import org.cicloperformance.reportingservice.engine.Achievement;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.IndicatorDefinition;
import org.cicloperformance.reportingservice.engine.PlanScorer;
import org.cicloperformance.reportingservice.engine.ResultKey;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.security.Role;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The area office's result entry: the indicators of its areas due at a checkpoint, and the form of one of them,
 * filled from the version in force (carry-forward of commentary, evidence and cause) and previewed with the
 * scoring engine itself ({@link PlanScorer}, {@link Deviations}): no arithmetic here. Named
 * {@code resultEntry} for the layout, which links the list for area offices.
 */
@Component("resultEntry")
class ResultEntryPages {

	static final List<String> CAUSES = List.of("EXTERNAL", "INTERNAL", "INDICATOR_DESIGN");

	/** An indicator due at the checkpoint, in the plan version in force there. */
	record Due(Scored scored, ScoringPlan.Objective objective, IndicatorDefinition indicator, String unit) {
	}

	private final ScoredPlans plans;

	private final ResultFacts results;

	private final CheckpointStates states;

	private final Display display;

	private final Formats fmt;

	private final MessageSource messages;

	ResultEntryPages(ScoredPlans plans, ResultFacts results, CheckpointStates states, Display display, Formats fmt,
			MessageSource messages) {
		this.plans = plans;
		this.results = results;
		this.states = states;
		this.display = display;
		this.fmt = fmt;
		this.messages = messages;
	}

	/** Whether the reader posts results (an area office): the header then links the entry page. */
	public boolean offered(PlanScope scope) {
		return scope != null && scope.actor().hasAnyRole(Role.AREA_OFFICE) && !scope.actor().areas().isEmpty();
	}

	static String listHref(String planId, String checkpoint) {
		return "/dashboard/plans/" + planId + "/entry?checkpoint=" + checkpoint;
	}

	static String formHref(String planId, String checkpoint, String objective, String indicator) {
		return "/dashboard/plans/" + planId + "/entry/" + objective + "/" + indicator + "?checkpoint=" + checkpoint;
	}

	/** The first checkpoint of the plan (by date) that is not closed, else the last one. */
	String defaultCheckpoint(String planId) {
		ScoringPlan plan = plans.withPlan(plans.all(planId).stream().reduce((a, b) -> b)
				.orElseThrow(() -> new NotFoundException("notFound.plan", planId))).plan();
		List<Checkpoint> ordered = plan.checkpoints().stream().sorted(Comparator.comparing(Checkpoint::date)).toList();
		return ordered.stream().filter(c -> !CheckpointState.CLOSED.equals(status(planId, c.id()))).findFirst()
				.or(() -> ordered.stream().reduce((a, b) -> b)).map(Checkpoint::id)
				.orElseThrow(() -> new NotFoundException("notFound.plan", planId));
	}

	EntryList list(String planId, String checkpoint, String path, PlanScope scope, String sent) {
		Scored scored = plans.scored(planId, checkpoint);
		List<EntryRow> rows = new ArrayList<>();
		for (ScoringPlan.Objective objective : scored.plan().objectives()) {
			if (!scope.actor().areas().contains(objective.organisationalArea())) {
				continue;
			}
			for (IndicatorDefinition indicator : objective.indicators()) {
				indicator.target(checkpoint).ifPresent(target -> {
					Due due = new Due(scored, objective, indicator,
							PlanContents.unit(scored.content(), objective.code(), indicator.code()));
					Optional<ResultFact> current = results.latest(planId, objective.code(), indicator.code(),
							checkpoint);
					rows.add(new EntryRow(objective.code(), objective.title(), indicator.code(), indicator.name(),
							"kind." + indicator.kind(), display.target(indicator.kind(), target, due.unit()),
							current.map(f -> shown(due, f)).orElse(Formats.NONE),
							current.map(ResultFact::resultVersion).orElse(null), previous(due),
							formHref(planId, checkpoint, objective.code(), indicator.code())));
				});
			}
		}
		String status = status(planId, checkpoint);
		List<String> areas = scope.actor().areas().stream().sorted()
				.map(code -> PlanContents.areaName(scored.plan(), code)).toList();
		return new EntryList(plans.header(scored, path, scope), checkpoint, scored.document().checkpointLabel(),
				scored.document().checkpointDate(), status, !CheckpointState.CLOSED.equals(status), areas, rows, sent);
	}

	/** The indicator at the checkpoint, if it is one of the reader's areas' and due there (else refused / 404). */
	Due due(String planId, String checkpoint, String objective, String indicator, PlanScope scope) {
		Scored scored = plans.scored(planId, checkpoint);
		ScoringPlan.Objective found = PlanContents.objectives(scored.plan()).get(objective);
		if (found == null) {
			throw new NotFoundException("notFound.objective", objective, planId);
		}
		scope.require(offered(scope) && scope.actor().areas().contains(found.organisationalArea()));
		IndicatorDefinition definition = found.indicators().stream().filter(i -> i.code().equals(indicator))
				.filter(i -> i.target(checkpoint).isPresent()).findFirst()
				.orElseThrow(() -> new NotFoundException("notFound.indicator", objective, indicator, planId));
		return new Due(scored, found, definition, PlanContents.unit(scored.content(), objective, indicator));
	}

	/** The form as it opens: the version in force's value, commentary, evidence and cause carried forward. */
	EntryForm opened(Due due, String path, PlanScope scope) {
		Map<String, String> typed = new HashMap<>();
		Optional<ResultFact> current = current(due);
		current.ifPresent(fact -> {
			carryValue(fact.value(), typed);
			typed.put("commentary", fact.commentary() == null ? "" : fact.commentary());
			typed.put("evidence", fact.evidence() == null ? "" : String.join("\n", fact.evidence()));
			typed.put("deviationCause", fact.deviationCause() == null ? "" : fact.deviationCause());
		});
		return form(due, path, scope, typed, EntryInput.read(due.indicator(), typed, labels()), List.of(),
				UUID.randomUUID().toString(), "", current.isPresent(), false);
	}

	/**
	 * The form after a submission: the values as typed, the refusals next to their fields (those of no field in
	 * the summary only), the preview when the value is complete.
	 */
	EntryForm submitted(Due due, String path, PlanScope scope, Map<String, String> typed, EntryInput.Read read,
			List<ErrorLink> refusals, String idempotencyKey, String action) {
		return form(due, path, scope, typed, read, refusals, idempotencyKey, action, false, true);
	}

	private EntryForm form(Due due, String path, PlanScope scope, Map<String, String> typed, EntryInput.Read read,
			List<ErrorLink> refusals, String idempotencyKey, String action, boolean carried, boolean withPreview) {
		Map<String, String> byField = new HashMap<>();
		refusals.stream().filter(r -> r.fieldId() != null)
				.forEach(r -> byField.merge(r.fieldId(), r.message(), (a, b) -> a + " " + b));
		List<Field> valueFields = read.fields().stream().map(f -> refused(f, byField)).toList();
		Field commentary = refused(text("commentary", "entry.field.commentary", "entry.hint.commentary", typed,
				"textarea"), byField);
		Field cause = refused(text("deviationCause", "entry.field.cause", null, typed, "select"), byField);
		Field evidence = refused(text("evidence", "entry.field.evidence", "entry.hint.evidence", typed, "textarea"),
				byField);
		Field reason = refused(text("reason", "entry.field.reason", "entry.hint.reason", typed, "text"), byField);
		Field file = refused(new Field("file", label("entry.field.file"), label("entry.hint.file"), "", null, "file"),
				byField);
		Field fileDescription = refused(text("fileDescription", "entry.field.fileDescription", null, typed, "text"),
				byField);
		List<Field> all = new ArrayList<>(valueFields);
		all.addAll(List.of(commentary, cause, evidence, reason, file, fileDescription));
		List<ErrorLink> summary = new ArrayList<>();
		all.stream().filter(Field::invalid).forEach(f -> summary.add(new ErrorLink(f.id(), f.label() + ": " + f.error())));
		// a refusal that names none of the form's fields (the checkpoint, the area…) is in the summary only
		refusals.stream().filter(r -> all.stream().noneMatch(f -> f.id().equals(r.fieldId())))
				.forEach(r -> summary.add(new ErrorLink(null, r.message())));
		List<Option> causes = new ArrayList<>();
		causes.add(new Option("", label("entry.cause.none")));
		CAUSES.forEach(c -> causes.add(new Option(c, label("relazione.cause." + c))));
		Scored scored = due.scored();
		Optional<ResultFact> current = current(due);
		String planId = scored.planId();
		String checkpoint = scored.checkpoint();
		return new EntryForm(plans.header(scored, path, scope), checkpoint, scored.document().checkpointLabel(),
				due.objective().code(), due.objective().title(), due.indicator().code(), due.indicator().name(),
				"kind." + due.indicator().kind(), due.unit(), display.target(due.indicator().kind(),
						due.indicator().target(checkpoint).orElse(null), due.unit()),
				current.map(f -> shown(due, f)).orElse(Formats.NONE), current.map(ResultFact::resultVersion)
						.orElse(null), previous(due), carried, valueFields, commentary, cause, causes, evidence,
				reason, file, fileDescription, summary, withPreview && read.complete() ? preview(due, read) : null,
				idempotencyKey, action, listHref(planId, checkpoint));
	}

	/** The engine's achievement and the deviation for the value typed, before anything is sent. */
	Preview preview(Due due, EntryInput.Read read) {
		ScoringPlan plan = due.scored().plan();
		String checkpoint = due.scored().checkpoint();
		Checkpoint at = plan.checkpoint(checkpoint).orElseThrow();
		ResultKey key = new ResultKey(due.objective().code(), due.indicator().code());
		// the engine scores the value as it will once stored: the same rules, no arithmetic of the form's own
		Achievement achievement = new PlanScorer(plan).score(at, Map.of(key, read.result())).indicators().stream()
				.filter(i -> i.objective().equals(key.objective()) && i.indicator().equals(key.indicator()))
				.findFirst().orElseThrow().achievement();
		var target = due.indicator().target(checkpoint).orElse(null);
		String deviation = display.deviation(Deviations.of(due.indicator().kind(), target, read.result(), null)
				.orElse(null));
		BigDecimal value = achievement.value();
		return new Preview(display.result(due.indicator().kind(), read.result(), due.unit()),
				display.target(due.indicator().kind(), target, due.unit()), deviation, value,
				display.readable(achievement.arithmetic()),
				value == null ? TrafficLight.NONE : TrafficLight.of(plan.policy(), value), value != null);
	}

	EntryInput.Labels labels() {
		return new EntryInput.Labels() {

			@Override
			public String text(String key, Object... arguments) {
				return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
			}

			@Override
			public String date(LocalDate date) {
				return date == null ? Formats.NONE : fmt.date(date);
			}
		};
	}

	private Optional<ResultFact> current(Due due) {
		return results.latest(due.scored().planId(), due.objective().code(), due.indicator().code(),
				due.scored().checkpoint());
	}

	private String shown(Due due, ResultFact fact) {
		return display.value(due.indicator().kind(), fact.value(), due.unit());
	}

	/** The result in force at the checkpoint before this one ("—" when none). */
	private String previous(Due due) {
		String planId = due.scored().planId();
		LocalDate date = due.scored().document().checkpointDate();
		return due.scored().plan().checkpoints().stream()
				.filter(c -> date != null && c.date() != null && c.date().isBefore(date))
				.max(Comparator.comparing(Checkpoint::date))
				.flatMap(c -> results.latest(planId, due.objective().code(), due.indicator().code(), c.id()))
				.map(f -> shown(due, f)).orElse(Formats.NONE);
	}

	private String status(String planId, String checkpoint) {
		return states.find(planId, checkpoint).map(CheckpointState::status).orElse(CheckpointState.OPEN);
	}

	private static void carryValue(ResultEvent.Value value, Map<String, String> typed) {
		if (value == null) {
			return;
		}
		if (value.number() != null) {
			typed.put("number", italian(value.number()));
		}
		if (value.yes() != null) {
			typed.put("yes", value.yes().toString());
		}
		if (value.assessment() != null) {
			typed.put("assessment", italian(value.assessment()));
		}
		if (value.justification() != null) {
			typed.put("justification", value.justification());
		}
		if (value.components() != null) {
			value.components().forEach((code, number) -> {
				if (number != null) {
					typed.put(EntryInput.id("component", code), italian(number));
				}
			});
		}
		if (value.delivered() != null) {
			value.delivered().stream().filter(d -> d.date() != null).forEach(d -> typed.put(
					EntryInput.id("milestone", d.milestone()), String.format("%1$td/%1$tm/%1$tY", d.date())));
		}
	}

	private static String italian(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString().replace('.', ',');
	}

	private Field text(String id, String labelKey, String hintKey, Map<String, String> typed, String type) {
		return new Field(id, label(labelKey), hintKey == null ? null : label(hintKey), typed.getOrDefault(id, ""),
				null, type);
	}

	private static Field refused(Field field, Map<String, String> byField) {
		String error = byField.get(field.id());
		return error == null ? field : field.withError(error);
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
