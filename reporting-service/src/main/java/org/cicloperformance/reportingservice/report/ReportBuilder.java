package org.cicloperformance.reportingservice.report;

import static org.cicloperformance.reportingservice.report.ReportText.*;

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

	static final String NONE = ReportText.NONE;

	static final String BLANK = ReportText.BLANK;

	/**
	 * What the report is made of. {@code later} are the versions that do not apply to the checkpoint;
	 * {@code earlierSignatories} those of an earlier version, used when no version given names any (may be null).
	 */
	record Inputs(String planId, ScoreDocument document, PlanEvent.Content content, List<LaterVersion> later,
			List<ResultFact> results, Optional<ReportCheckpointStatus.Closing> closing,
			PlanEvent.Signatories earlierSignatories) {

		Inputs {
			later = later == null ? List.of() : List.copyOf(later);
			results = results == null ? List.of() : List.copyOf(results);
			closing = closing == null ? Optional.empty() : closing;
		}

		Inputs(String planId, ScoreDocument document, PlanEvent.Content content, List<LaterVersion> later,
				List<ResultFact> results, Optional<ReportCheckpointStatus.Closing> closing) {
			this(planId, document, content, later, results, closing, null);
		}
	}

	/** A version revised after the checkpoint: the revision that produced it and its content. */
	record LaterVersion(int version, PlanEvent.Content content, PlanEvent.Revision revision) {
	}

	private final Inputs in;

	private final Locale locale;

	private final Scorecard card;

	private final Map<String, ResultFact> results;

	private final List<CheckpointColumn> checkpoints;

	private final ReportValues values;

	private final Proposals proposals;

	private ReportBuilder(Inputs in, Function<String, String> messages, Locale locale) {
		this.in = in;
		this.locale = locale;
		this.card = in.document().scorecard();
		this.results = in.results().stream().filter(r -> in.document().checkpoint().equals(r.checkpoint()))
				.collect(Collectors.toMap(r -> key(r.objective(), r.indicator()), r -> r, (a, b) -> a));
		this.checkpoints = list(in.content().checkpoints()).stream()
				.sorted(Comparator.comparing(PlanEvent.Checkpoint::date, Comparator.nullsLast(Comparator.naturalOrder())))
				.map(c -> new CheckpointColumn(c.id(), c.label() == null ? c.id() : c.label(), date(c.date())))
				.toList();
		this.values = new ReportValues(messages);
		this.proposals = new Proposals(in, values, results, this::checkpointDate);
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
				rules(), signatures(), closing.isPresent(), fileName(in.planId(), document.checkpoint()),
				results.values().stream().anyMatch(ReportText::isExample));
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
		List<Proposals.Changed> changes = proposals.changes(o.code());
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
				proposals.proposals(o, indicators, changes), proposals.weightChanges(o, changes),
				list(o.budgetLines()).stream().map(b -> new BudgetRow(euros(b.amount()), b.account(), b.description(),
						b.budgetCode())).toList(),
				list(o.budgetLines()).size() > 1 ? euros(budgetTotal) : null,
				list(o.evidence()).stream().map(e -> new EvidenceRow(e.indicator(), e.description())).toList(),
				percent(score.map(NodeScore::score).orElse(null)), percent(score.map(NodeScore::coverage).orElse(null)),
				score.map(NodeScore::arithmetic).orElse(null), score.map(NodeScore::coverageArithmetic).orElse(null));
	}

	private IndicatorRow indicatorRow(PlanEvent.OperationalObjective o, PlanEvent.Indicator i, List<Proposals.Changed> changes) {
		MeasureKind kind = kind(i);
		boolean added = list(o.indicators()).stream().noneMatch(own -> Objects.equals(own.code(), i.code()));
		List<String> targets = checkpoints.stream().map(c -> target(i, c.id()).map(t -> values.target(kind, t, i))
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
			result = values.result(kind, fact.value(), i);
			wording = ReportValues.wording(kind, fact.value(), result, i);
			if (fact.deviation() != null) {
				deviation = values.deviation(kind, fact.deviation(), i);
				deviationWording = sameFigure(fact.deviation().text(), deviation) ? null : fact.deviation().text();
			}
		}
		Optional<IndicatorScore> score = card.indicator(o.code(), i.code());
		Optional<ReportCheckpointStatus.Verdict> verdict = in.closing().flatMap(c -> c.verdict(o.code(), i.code()));
		return new IndicatorRow(i.code(), i.name(),
				list(i.types()).stream().map(t -> "report.type." + t).toList(), i.perspective(),
				"kind." + kind.name(), ReportValues.baseline(i), targets, points(i.weight()), revisedWeight, added, result, wording,
				resultKey, deviation, deviationWording,
				percent(score.map(s -> s.achievement().value()).orElse(null)),
				score.map(s -> "status." + s.achievement().status().name()).orElse("status.NOT_DUE"),
				score.map(s -> s.achievement().arithmetic()).orElse(null),
				verdict.map(v -> "report.verdict." + v.verdict()).orElse(null), verdict.map(this::verdictNote).orElse(null));
	}

	private String verdictNote(ReportCheckpointStatus.Verdict verdict) {
		String adjusted = verdict.adjustedAchievement() == null ? null : percent(verdict.adjustedAchievement());
		return Stream.of(adjusted, verdict.reason()).filter(ReportText::hasText)
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
				.map(PlanEvent.EvidenceRequirement::description).filter(Objects::nonNull).map(ReportText::squash)
				.toList();
		// the references the office gave with the result, unless they only repeat the plan's requirement
		List<String> evidence = list(fact.evidence()).stream().filter(ReportText::hasText)
				.filter(e -> !planEvidence.contains(squash(e))).toList();
		List<String> paragraphs = paragraphs(fact.commentary());
		if (paragraphs.isEmpty() && !hasText(justification) && evidence.isEmpty()) {
			return Optional.empty();
		}
		String assessment = value == null || value.assessment() == null ? null : number(value.assessment()) + "/100";
		return Optional.of(new Narrative(i.code(), i.name(), paragraphs, assessment, justification, evidence));
	}

	private List<RevisionNote> revisions() {
		return in.later().stream().filter(v -> v.revision() != null).map(v -> {
			PlanEvent.Revision revision = v.revision();
			PlanEvent.Act act = revision.act();
			String actText = act == null ? null
					: Stream.of(act.type(), hasText(act.number()) ? "n. " + act.number() : null)
							.filter(ReportText::hasText).collect(Collectors.joining(" "));
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
				.map(PlanEvent.Content::signatories).filter(Objects::nonNull).findFirst()
				.orElse(in.earlierSignatories());
		String date = in.closing().map(c -> c.date() == null ? null
				: DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(c.date())).orElse(null);
		PlanEvent.Signatories names = signatories == null ? new PlanEvent.Signatories(null, null, null, null)
				: signatories;
		return new MonitoringReport.Signatures(orBlank(names.place()), orBlank(date), orBlank(names.oiv()),
				orBlank(names.secretaryGeneral()), orBlank(names.president()));
	}

	// --- lookups ---

	private List<PlanEvent.OperationalObjective> objectives() {
		return objectivesOf(in.content()).toList();
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

	static String key(String objective, String indicator) {
		return objective + "/" + indicator;
	}
}
