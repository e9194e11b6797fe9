package org.cicloperformance.reportingservice.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.report.MonitoringReport.BudgetRow;
import org.cicloperformance.reportingservice.report.MonitoringReport.CheckpointColumn;
import org.cicloperformance.reportingservice.report.MonitoringReport.EvidenceRow;
import org.cicloperformance.reportingservice.report.MonitoringReport.IndicatorRow;
import org.cicloperformance.reportingservice.report.MonitoringReport.ManagerTable;
import org.cicloperformance.reportingservice.report.MonitoringReport.Narrative;
import org.cicloperformance.reportingservice.report.MonitoringReport.ObjectiveSection;
import org.cicloperformance.reportingservice.report.MonitoringReport.ProposalRow;
import org.cicloperformance.reportingservice.report.MonitoringReport.ProposalTable;
import org.cicloperformance.reportingservice.report.MonitoringReport.RevisionNote;
import org.cicloperformance.reportingservice.report.MonitoringReport.TreeArea;
import org.cicloperformance.reportingservice.report.MonitoringReport.TreeObjective;
import org.cicloperformance.reportingservice.report.MonitoringReport.TreeStrategic;
import org.cicloperformance.reportingservice.report.MonitoringReport.WeightChange;
import org.cicloperformance.reportingservice.report.MonitoringReport.WeightRow;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.Scorecard;

/**
 * Builds the monitoring report from what reporting stores: the plan version in force at the checkpoint, the
 * versions revised after it (their revisions are the managers' proposals made at this monitoring), the results
 * with the deviations monitoring computed, the scores and the OIV's closing. Plain Java: the texts of the few
 * words it writes come from {@code messages} (a message key → text in the report's language).
 */
final class ReportBuilder {

	static final String NONE = Formats.NONE;

	static final String BLANK = "______________________";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** What the report is made of. {@code later} are the versions that do not apply to the checkpoint. */
	record Inputs(String planId, ScoreDocument document, PlanEvent.Content content, List<LaterVersion> later,
			List<ResultFact> results, Optional<ReportCheckpointStatus.Closing> closing) {

		Inputs {
			later = later == null ? List.of() : List.copyOf(later);
			results = results == null ? List.of() : List.copyOf(results);
			closing = closing == null ? Optional.empty() : closing;
		}
	}

	/** A version revised after the checkpoint: the revision that produced it and its content. */
	record LaterVersion(int version, PlanEvent.Content content, PlanEvent.Revision revision) {
	}

	private final Inputs in;

	private final Function<String, String> messages;

	private final Locale locale;

	private final Scorecard card;

	private final Map<String, ResultFact> results;

	private final List<CheckpointColumn> checkpoints;

	private ReportBuilder(Inputs in, Function<String, String> messages, Locale locale) {
		this.in = in;
		this.messages = messages;
		this.locale = locale;
		this.card = in.document().scorecard();
		this.results = in.results().stream().filter(r -> in.document().checkpoint().equals(r.checkpoint()))
				.collect(Collectors.toMap(r -> key(r.objective(), r.indicator()), r -> r, (a, b) -> a));
		this.checkpoints = list(in.content().checkpoints()).stream()
				.sorted(Comparator.comparing(PlanEvent.Checkpoint::date, Comparator.nullsLast(Comparator.naturalOrder())))
				.map(c -> new CheckpointColumn(c.id(), c.label() == null ? c.id() : c.label(), date(c.date())))
				.toList();
	}

	static MonitoringReport build(Inputs in, Function<String, String> messages, Locale locale) {
		return new ReportBuilder(in, messages, locale).report();
	}

	private MonitoringReport report() {
		ScoreDocument document = in.document();
		PlanEvent.Content content = in.content();
		NodeScore entity = card.entity();
		Optional<ReportCheckpointStatus.Closing> closing = in.closing();
		return new MonitoringReport(in.planId(), content.title(), content.entityName(), document.checkpoint(),
				document.checkpointLabel(), date(document.checkpointDate()), document.finalCheckpoint(),
				card.planVersion(), "status." + document.status().name(),
				new MonitoringReport.Validation(closing.isPresent(), closing.map(c -> date(c.date())).orElse(null),
						closing.map(ReportCheckpointStatus.Closing::number).orElse(null)),
				number(content.entityValue()), percent(entity == null ? null : entity.score()),
				percent(entity == null ? null : entity.coverage()), entity == null ? null : entity.arithmetic(),
				checkpoints, tree(), managers(), objectives().stream().map(this::objective).toList(), revisions(),
				rules(), signatures(), closing.isPresent(), fileName(in.planId(), document.checkpoint()));
	}

	/** A name a browser keeps as it is: {@code relazione-monitoraggio-cciaa-brescia-2018-2018-06-30.pdf}. */
	static String fileName(String planId, String checkpoint) {
		return Stream.of("relazione-monitoraggio", planId, checkpoint)
				.map(part -> part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", ""))
				.collect(Collectors.joining("-"));
	}

	// --- the strategy tree and the managers' weights ---

	private List<TreeArea> tree() {
		return list(in.content().strategicAreas()).stream().map(area -> {
			Optional<NodeScore> areaScore = card.strategicArea(area.code());
			List<TreeStrategic> strategics = list(area.strategicObjectives()).stream().map(strategic -> {
				Optional<NodeScore> score = card.strategicObjective(strategic.code());
				List<TreeObjective> objectives = list(strategic.operationalObjectives()).stream()
						.map(o -> new TreeObjective(o.code(), shortTitle(o), managerName(o.manager()), points(o.weight()),
								percent(objectiveScore(o.code()).map(NodeScore::score).orElse(null)),
								percent(objectiveScore(o.code()).map(NodeScore::coverage).orElse(null))))
						.toList();
				return new TreeStrategic(strategic.code(), strategic.name(), number(strategic.value()),
						percent(score.map(NodeScore::score).orElse(null)),
						percent(score.map(NodeScore::coverage).orElse(null)), objectives);
			}).toList();
			return new TreeArea(area.code(), area.name(), number(area.value()),
					percent(areaScore.map(NodeScore::score).orElse(null)),
					percent(areaScore.map(NodeScore::coverage).orElse(null)), strategics);
		}).toList();
	}

	private List<ManagerTable> managers() {
		List<ManagerTable> tables = new ArrayList<>();
		for (PlanEvent.Manager manager : list(in.content().managers())) {
			List<PlanEvent.OperationalObjective> own = objectives().stream()
					.filter(o -> Objects.equals(manager.id(), o.manager())).toList();
			List<WeightRow> rows = own.stream().map(o -> new WeightRow(o.code(), o.title(), points(o.weight()),
					percent(objectiveScore(o.code()).map(NodeScore::score).orElse(null)))).toList();
			BigDecimal total = own.stream().map(PlanEvent.OperationalObjective::weight).filter(Objects::nonNull)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
			Optional<NodeScore> score = card.manager(manager.id());
			tables.add(new ManagerTable(manager.id(), manager.name(), manager.role(),
					areaName(manager.organisationalArea()), rows, points(total),
					percent(score.map(NodeScore::score).orElse(null)),
					percent(score.map(NodeScore::coverage).orElse(null)),
					score.map(NodeScore::arithmetic).orElse(null)));
		}
		return tables;
	}

	// --- the objectives ---

	private ObjectiveSection objective(PlanEvent.OperationalObjective o) {
		List<Changed> changes = changes(o.code());
		List<PlanEvent.Indicator> indicators = new ArrayList<>(list(o.indicators()));
		changes.stream().filter(c -> "INDICATOR_ADDED".equals(c.change().type()))
				.map(c -> c.change().indicatorDefinition()).filter(Objects::nonNull)
				.filter(added -> indicators.stream().noneMatch(i -> Objects.equals(i.code(), added.code())))
				.forEach(indicators::add);
		List<IndicatorRow> rows = indicators.stream().map(i -> indicatorRow(o, i, changes)).toList();
		List<Narrative> narratives = indicators.stream().map(i -> narrative(o, i)).flatMap(Optional::stream).toList();
		BigDecimal budgetTotal = list(o.budgetLines()).stream().map(PlanEvent.BudgetLine::amount)
				.filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
		Optional<NodeScore> score = objectiveScore(o.code());
		return new ObjectiveSection(o.code(), o.title(), shortTitle(o), strategicOf(o.code()),
				areaName(o.organisationalArea()), managerName(o.manager()), managerRole(o.manager()),
				points(o.weight()),
				list(o.strategicScopes()).stream().map(s -> new MonitoringReport.Scope(s.name(), points(s.weight())))
						.toList(),
				paragraphs(o.description()), paragraphs(o.expectedBenefit()), rows, narratives,
				proposals(o, indicators, changes), weightChanges(o, changes),
				list(o.budgetLines()).stream().map(b -> new BudgetRow(euros(b.amount()), b.account(), b.description(),
						b.budgetCode())).toList(),
				list(o.budgetLines()).size() > 1 ? euros(budgetTotal) : null,
				list(o.evidence()).stream().map(e -> new EvidenceRow(e.indicator(), e.description())).toList(),
				percent(score.map(NodeScore::score).orElse(null)), percent(score.map(NodeScore::coverage).orElse(null)),
				score.map(NodeScore::arithmetic).orElse(null), score.map(NodeScore::coverageArithmetic).orElse(null));
	}

	private IndicatorRow indicatorRow(PlanEvent.OperationalObjective o, PlanEvent.Indicator i, List<Changed> changes) {
		MeasureKind kind = kind(i);
		boolean added = list(o.indicators()).stream().noneMatch(own -> Objects.equals(own.code(), i.code()));
		List<String> targets = checkpoints.stream().map(c -> target(i, c.id()).map(t -> target(kind, t, i))
				.orElse(NONE)).toList();
		String revisedWeight = changes.stream()
				.filter(c -> "INDICATOR_WEIGHT_CHANGED".equals(c.change().type())
						&& Objects.equals(i.code(), c.change().indicator()))
				.reduce((first, second) -> second).map(c -> points(c.change().weight())).orElse(null);
		String current = in.document().checkpoint();
		ResultFact fact = results.get(key(o.code(), i.code()));
		String result = null;
		String wording = null;
		String resultKey = null;
		String deviation = NONE;
		String deviationWording = null;
		if (fact == null || fact.value() == null) {
			resultKey = target(i, current).isPresent() ? "report.result.notReported" : "report.result.notDue";
		}
		else {
			result = result(kind, fact.value(), i);
			wording = wording(kind, fact.value(), result, i);
			if (fact.deviation() != null) {
				deviation = deviation(kind, fact.deviation(), i);
				deviationWording = sameFigure(fact.deviation().text(), deviation) ? null : fact.deviation().text();
			}
		}
		Optional<IndicatorScore> score = card.indicator(o.code(), i.code());
		Optional<ReportCheckpointStatus.Verdict> verdict = in.closing().flatMap(c -> c.verdict(o.code(), i.code()));
		return new IndicatorRow(i.code(), i.name(),
				list(i.types()).stream().map(t -> "report.type." + t).toList(), i.perspective(),
				"kind." + kind.name(), baseline(i), targets, points(i.weight()), revisedWeight, added, result, wording,
				resultKey, deviation, deviationWording,
				percent(score.map(s -> s.achievement().value()).orElse(null)),
				score.map(s -> "status." + s.achievement().status().name()).orElse("status.NOT_DUE"),
				score.map(s -> s.achievement().arithmetic()).orElse(null),
				verdict.map(v -> "report.verdict." + v.verdict()).orElse(null), verdict.map(this::verdictNote).orElse(null));
	}

	private String verdictNote(ReportCheckpointStatus.Verdict verdict) {
		String adjusted = verdict.adjustedAchievement() == null ? null : percent(verdict.adjustedAchievement());
		return Stream.of(adjusted, verdict.reason()).filter(ReportBuilder::hasText)
				.collect(Collectors.collectingAndThen(Collectors.joining(" — "), s -> s.isEmpty() ? null : s));
	}

	private Optional<Narrative> narrative(PlanEvent.OperationalObjective o, PlanEvent.Indicator i) {
		ResultFact fact = results.get(key(o.code(), i.code()));
		if (fact == null) {
			return Optional.empty();
		}
		ResultEvent.Value value = fact.value();
		String justification = value == null ? null : value.justification();
		List<String> planEvidence = list(o.evidence()).stream().filter(e -> Objects.equals(i.code(), e.indicator()))
				.map(PlanEvent.EvidenceRequirement::description).filter(Objects::nonNull).map(ReportBuilder::squash)
				.toList();
		// the references the office gave with the result, unless they only repeat the plan's requirement
		List<String> evidence = list(fact.evidence()).stream().filter(ReportBuilder::hasText)
				.filter(e -> !planEvidence.contains(squash(e))).toList();
		List<String> paragraphs = paragraphs(fact.commentary());
		if (paragraphs.isEmpty() && !hasText(justification) && evidence.isEmpty()) {
			return Optional.empty();
		}
		String assessment = value == null || value.assessment() == null ? null : number(value.assessment()) + "/100";
		return Optional.of(new Narrative(i.code(), i.name(), paragraphs, assessment, justification, evidence));
	}

	/**
	 * The proposal tables: for each revision after the checkpoint and each checkpoint it changes, the target at
	 * this checkpoint, the result, the target the revision replaces and the new one.
	 */
	private List<ProposalTable> proposals(PlanEvent.OperationalObjective o, List<PlanEvent.Indicator> indicators,
			List<Changed> changes) {
		String current = in.document().checkpoint();
		Map<String, ProposalTable> tables = new LinkedHashMap<>();
		for (Changed changed : changes) {
			PlanEvent.Change change = changed.change();
			boolean added = "INDICATOR_ADDED".equals(change.type());
			if (!added && !"TARGET_CHANGED".equals(change.type())) {
				continue;
			}
			PlanEvent.Indicator indicator = added ? change.indicatorDefinition()
					: indicators.stream().filter(i -> Objects.equals(i.code(), change.indicator())).findFirst()
							.orElse(null);
			if (indicator == null) {
				continue;
			}
			MeasureKind kind = kind(indicator);
			Optional<PlanEvent.Target> replaced = Optional.empty();
			PlanEvent.Target proposed;
			if (added) {
				proposed = list(indicator.targets()).stream().filter(t -> !Objects.equals(current, t.checkpoint()))
						.reduce((first, second) -> second).orElse(null);
			}
			else {
				proposed = change.target();
				replaced = changed.base().flatMap(b -> indicator(b, o.code(), indicator.code()))
						.flatMap(i -> target(i, proposed == null ? null : proposed.checkpoint()));
			}
			String changedAt = proposed == null ? null : proposed.checkpoint();
			ResultFact fact = results.get(key(o.code(), indicator.code()));
			ProposalRow row = new ProposalRow(indicator.code(), indicator.name(),
					target(indicator, current).map(t -> target(kind, t, indicator)).orElse(NONE),
					fact == null || fact.value() == null ? NONE : achieved(kind, fact.value(), indicator),
					replaced.map(t -> target(kind, t, indicator)).orElse(NONE),
					proposed == null ? NONE : target(kind, proposed, indicator), added, change.reason());
			tables.computeIfAbsent(changed.version() + "#" + changedAt,
					k -> new ProposalTable(changed.version(), checkpointDate(changedAt), new ArrayList<>()))
					.rows().add(row);
		}
		return tables.values().stream().map(t -> new ProposalTable(t.version(), t.changedAt(), List.copyOf(t.rows())))
				.toList();
	}

	private List<WeightChange> weightChanges(PlanEvent.OperationalObjective o, List<Changed> changes) {
		return changes.stream().filter(c -> "INDICATOR_WEIGHT_CHANGED".equals(c.change().type())).map(c -> {
			Optional<PlanEvent.Indicator> before = c.base().flatMap(b -> indicator(b, o.code(), c.change().indicator()));
			return new WeightChange(c.version(), c.change().indicator(),
					before.map(PlanEvent.Indicator::name).orElse(null),
					before.map(i -> points(i.weight())).orElse(NONE), points(c.change().weight()), c.change().reason());
		}).toList();
	}

	/** A change of a later revision with the content it was applied to. */
	private record Changed(int version, PlanEvent.Change change, Optional<PlanEvent.Content> base) {
	}

	private List<Changed> changes(String objective) {
		List<Changed> changes = new ArrayList<>();
		PlanEvent.Content previous = in.content();
		for (LaterVersion later : in.later()) {
			PlanEvent.Revision revision = later.revision();
			if (revision != null) {
				Optional<PlanEvent.Content> base = Optional.of(baseOf(later, previous));
				list(revision.changes()).stream().filter(c -> Objects.equals(objective, c.objective()))
						.forEach(c -> changes.add(new Changed(later.version(), c, base)));
			}
			previous = later.content();
		}
		return changes;
	}

	private PlanEvent.Content baseOf(LaterVersion later, PlanEvent.Content previous) {
		Integer base = later.revision().baseVersion();
		if (base == null) {
			return previous;
		}
		if (base == card.planVersion()) {
			return in.content();
		}
		return in.later().stream().filter(v -> v.version() == base).map(LaterVersion::content).findFirst()
				.orElse(previous);
	}

	private List<RevisionNote> revisions() {
		return in.later().stream().filter(v -> v.revision() != null).map(v -> {
			PlanEvent.Revision revision = v.revision();
			PlanEvent.Act act = revision.act();
			String actText = act == null ? null
					: Stream.of(act.type(), hasText(act.number()) ? "n. " + act.number() : null)
							.filter(ReportBuilder::hasText).collect(Collectors.joining(" "));
			return new RevisionNote(v.version(), actText, act == null ? null : date(act.date()), revision.reason(),
					list(revision.appliesTo()).stream().map(this::checkpointDate).toList(),
					list(revision.changes()).size());
		}).toList();
	}

	private MonitoringReport.Rules rules() {
		// the same defaults as the engine's (scoring/Policy)
		PlanEvent.Policy policy = in.content().scoringPolicy() == null
				? new PlanEvent.Policy(null, null, null, null, null, null, null, null)
				: in.content().scoringPolicy();
		boolean isFinal = in.document().finalCheckpoint();
		String missing = isFinal ? policy.missingAtFinal() : policy.missingAtIntermediate();
		List<MonitoringReport.Band> bands = list(policy.incentiveBands()).stream()
				.sorted(Comparator.comparing(PlanEvent.IncentiveBand::from,
						Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
				.map(b -> new MonitoringReport.Band(b.from() == null ? null : percent(b.from()),
						b.to() == null ? null : percent(b.to()), "report.payout." + b.payout()))
				.toList();
		return new MonitoringReport.Rules(percent(policy.cap() == null ? BigDecimal.ONE : policy.cap()),
				percent(policy.floor() == null ? BigDecimal.ZERO : policy.floor()),
				"report.rule." + (policy.numericRule() == null ? "RATIO" : policy.numericRule()),
				"report.missing." + (missing == null ? (isFinal ? "ZERO" : "EXCLUDE") : missing), bands);
	}

	private MonitoringReport.Signatures signatures() {
		PlanEvent.Signatories signatories = Stream.concat(Stream.of(in.content()),
				in.later().stream().map(LaterVersion::content)).filter(Objects::nonNull)
				.map(PlanEvent.Content::signatories).filter(Objects::nonNull).findFirst().orElse(null);
		String date = in.closing().map(c -> c.date() == null ? null
				: DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(c.date())).orElse(null);
		PlanEvent.Signatories names = signatories == null ? new PlanEvent.Signatories(null, null, null, null)
				: signatories;
		return new MonitoringReport.Signatures(orBlank(names.place()), orBlank(date), orBlank(names.oiv()),
				orBlank(names.secretaryGeneral()), orBlank(names.president()));
	}

	// --- values as the report writes them ---

	private String target(MeasureKind kind, PlanEvent.Target target, PlanEvent.Indicator indicator) {
		if (hasText(target.text())) {
			return squash(target.text());
		}
		return switch (kind) {
			case COUNT -> target.number() == null ? NONE : withUnit(number(target.number()), indicator.unit());
			case AMOUNT -> euros(target.number());
			case PERCENTAGE -> points(target.number());
			case BOOLEAN -> target.yes() == null ? NONE : message(target.yes() ? "value.yes" : "value.no");
			case MILESTONE -> list(target.milestones()).isEmpty() ? NONE : String.join(", ", target.milestones());
			case COMPOUND -> components(target.components());
			case QUALITATIVE -> NONE;
		};
	}

	/** The result as the proposal table's "Realizzazione" column writes it: its own wording when it has one. */
	private String achieved(MeasureKind kind, ResultEvent.Value value, PlanEvent.Indicator indicator) {
		String figure = result(kind, value, indicator);
		String wording = wording(kind, value, figure, indicator);
		return wording == null ? figure : wording;
	}

	private String result(MeasureKind kind, ResultEvent.Value value, PlanEvent.Indicator indicator) {
		return switch (kind) {
			case COUNT -> value.number() == null ? text(value.text())
					: withUnit(number(value.number()), indicator.unit());
			case AMOUNT -> value.number() == null ? text(value.text()) : euros(value.number());
			case PERCENTAGE -> value.number() == null ? text(value.text()) : points(value.number());
			case BOOLEAN -> value.yes() == null ? text(value.text()) : message(value.yes() ? "value.yes" : "value.no");
			case MILESTONE -> value.delivered() == null || value.delivered().isEmpty()
					? message("milestones.noneDelivered")
					: value.delivered().stream().filter(Objects::nonNull)
							.map(d -> d.milestone() + (d.date() == null ? "" : " (" + date(d.date()) + ")"))
							.collect(Collectors.joining(", "));
			case COMPOUND -> value.components() == null || value.components().isEmpty() ? text(value.text())
					: components(value.components());
			case QUALITATIVE -> value.assessment() == null ? text(value.text()) : number(value.assessment()) + "/100";
		};
	}

	/** The office's own wording of the result, when it says more than the figure shown. */
	private static String wording(MeasureKind kind, ResultEvent.Value value, String figure,
			PlanEvent.Indicator indicator) {
		String text = value.text();
		if (!hasText(text) || sameFigure(text, figure)) {
			return null;
		}
		if (kind == MeasureKind.BOOLEAN && text.trim().matches("(?iu)s[iì]|no")) {
			return null;
		}
		if (value.number() != null && (sameFigure(text, number(value.number()))
				|| sameFigure(text, value.number().toPlainString()) || sameFigure(text, points(value.number()))
				|| sameFigure(text, withUnit(number(value.number()), indicator.unit())))) {
			return null;
		}
		return squash(text);
	}

	private String deviation(MeasureKind kind, ResultEvent.Deviation deviation, PlanEvent.Indicator indicator) {
		if (deviation.number() != null) {
			return kind == MeasureKind.PERCENTAGE ? sign(deviation.number()) + points(deviation.number().abs())
					: signed(deviation.number());
		}
		if (deviation.components() != null && !deviation.components().isEmpty()) {
			return components(indicator, deviation.components(), ReportBuilder::signed);
		}
		if (deviation.missedMilestones() != null) {
			if (deviation.missedMilestones().isEmpty()) {
				return message("milestones.noneMissed");
			}
			return deviation.missedMilestones().stream().map(code -> code + list(indicator.milestones()).stream()
					.filter(m -> code.equals(m.code()) && hasText(m.name())).findFirst()
					.map(m -> " (" + m.name() + ")").orElse("")).collect(Collectors.joining(", "));
		}
		return text(deviation.text());
	}

	private String components(Map<String, BigDecimal> components) {
		return components == null || components.isEmpty() ? NONE
				: components.entrySet().stream().filter(e -> e.getValue() != null)
						.map(e -> number(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(" · "));
	}

	/** Components in the indicator's order, each value formatted by {@code format}. */
	private static String components(PlanEvent.Indicator indicator, Map<String, BigDecimal> values,
			Function<BigDecimal, String> format) {
		List<String> order = list(indicator.components()).stream().map(PlanEvent.Component::code).toList();
		return values.entrySet().stream().filter(e -> e.getValue() != null)
				.sorted(Comparator.comparingInt(e -> order.contains(e.getKey()) ? order.indexOf(e.getKey())
						: Integer.MAX_VALUE))
				.map(e -> format.apply(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(" · "));
	}

	private static String baseline(PlanEvent.Indicator indicator) {
		if (hasText(indicator.baselineText())) {
			return squash(indicator.baselineText());
		}
		return indicator.baseline() == null ? NONE : number(indicator.baseline());
	}

	// --- lookups ---

	private List<PlanEvent.OperationalObjective> objectives() {
		return objectivesOf(in.content()).toList();
	}

	private static Stream<PlanEvent.OperationalObjective> objectivesOf(PlanEvent.Content content) {
		return list(content.strategicAreas()).stream().flatMap(a -> list(a.strategicObjectives()).stream())
				.flatMap(s -> list(s.operationalObjectives()).stream());
	}

	private static Optional<PlanEvent.Indicator> indicator(PlanEvent.Content content, String objective,
			String indicator) {
		return objectivesOf(content).filter(o -> Objects.equals(objective, o.code()))
				.flatMap(o -> list(o.indicators()).stream()).filter(i -> Objects.equals(indicator, i.code()))
				.findFirst();
	}

	private static Optional<PlanEvent.Target> target(PlanEvent.Indicator indicator, String checkpoint) {
		return list(indicator.targets()).stream().filter(t -> checkpoint != null && checkpoint.equals(t.checkpoint()))
				.findFirst();
	}

	private Optional<NodeScore> objectiveScore(String code) {
		return card.objective(code);
	}

	private String strategicOf(String objective) {
		return list(in.content().strategicAreas()).stream().flatMap(a -> list(a.strategicObjectives()).stream())
				.filter(s -> list(s.operationalObjectives()).stream().anyMatch(o -> objective.equals(o.code())))
				.map(s -> s.code() + " " + s.name()).findFirst().orElse(null);
	}

	private String managerName(String id) {
		return manager(id).map(PlanEvent.Manager::name).orElse(id);
	}

	private String managerRole(String id) {
		return manager(id).map(PlanEvent.Manager::role).orElse(null);
	}

	private Optional<PlanEvent.Manager> manager(String id) {
		return list(in.content().managers()).stream().filter(m -> Objects.equals(id, m.id())).findFirst();
	}

	private String areaName(String code) {
		return list(in.content().organisationalAreas()).stream().filter(a -> Objects.equals(code, a.code()))
				.map(PlanEvent.OrganisationalArea::name).findFirst().orElse(code);
	}

	private String checkpointDate(String checkpoint) {
		return checkpoints.stream().filter(c -> c.id().equals(checkpoint)).map(CheckpointColumn::date).findFirst()
				.orElse(checkpoint);
	}

	private static String shortTitle(PlanEvent.OperationalObjective objective) {
		return hasText(objective.shortTitle()) ? objective.shortTitle() : objective.title();
	}

	private static MeasureKind kind(PlanEvent.Indicator indicator) {
		try {
			return indicator.measureKind() == null ? MeasureKind.COUNT : MeasureKind.valueOf(indicator.measureKind());
		}
		catch (IllegalArgumentException unknown) {
			return MeasureKind.QUALITATIVE;
		}
	}

	private String message(String key) {
		return messages.apply(key);
	}

	private static String key(String objective, String indicator) {
		return objective + "/" + indicator;
	}

	// --- formats: the dashboard's (format/Formats), always Italian ---

	private static final Formats FMT = Formats.italian();

	static String number(BigDecimal value) {
		return FMT.number(value);
	}

	static String percent(BigDecimal fraction) {
		return FMT.percent(fraction);
	}

	/** Points of a percentage or a weight, two decimals: 20 → {@code 20,00%}. */
	static String points(BigDecimal value) {
		return FMT.points(value);
	}

	/** A difference with its sign: 3 → {@code +3}, −2543 → {@code -2.543}. */
	static String signed(BigDecimal value) {
		return FMT.signed(value);
	}

	private static String sign(BigDecimal value) {
		return value.signum() > 0 ? "+" : value.signum() < 0 ? "-" : "";
	}

	/** As on the dashboard: 1234 → {@code 1.234,00 €}. */
	static String euros(BigDecimal amount) {
		return FMT.euros(amount);
	}

	static String date(LocalDate date) {
		return date == null ? null : DATE.format(date);
	}

	private static String withUnit(String figure, String unit) {
		return hasText(unit) ? figure + " " + unit : figure;
	}

	private static String text(String text) {
		return hasText(text) ? squash(text) : NONE;
	}

	/** Paragraphs of a stored text: one per line, blank lines dropped. */
	static List<String> paragraphs(String text) {
		if (!hasText(text)) {
			return List.of();
		}
		return Stream.of(text.split("\\R")).map(ReportBuilder::squash).filter(Predicate.not(String::isEmpty))
				.toList();
	}

	/** The same figure written with other spacing or without its plus: "+ 3", "+3" and "3"; "- 73" and "-73". */
	private static boolean sameFigure(String text, String figure) {
		return text != null && figure != null && figure(text).equalsIgnoreCase(figure(figure));
	}

	private static String figure(String text) {
		String compact = text.replaceAll("\\s+", "");
		return compact.startsWith("+") ? compact.substring(1) : compact;
	}

	private static String squash(String text) {
		return text.replaceAll("\\s+", " ").trim();
	}

	/** A line to write on by hand, where the plan names nobody (or the checkpoint is not validated yet). */
	private static String orBlank(String text) {
		return hasText(text) ? text.trim() : BLANK;
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	private static <T> List<T> list(List<T> list) {
		return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
	}
}
