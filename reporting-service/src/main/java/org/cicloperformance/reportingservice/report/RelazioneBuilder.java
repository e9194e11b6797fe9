package org.cicloperformance.reportingservice.report;

import static org.cicloperformance.reportingservice.report.ReportText.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.report.MonitoringReport.IndicatorRow;
import org.cicloperformance.reportingservice.report.MonitoringReport.ObjectiveSection;
import org.cicloperformance.reportingservice.report.Relazione.CauseGroup;
import org.cicloperformance.reportingservice.report.Relazione.CauseItem;
import org.cicloperformance.reportingservice.report.Relazione.IndicatorOutcome;
import org.cicloperformance.reportingservice.report.Relazione.ObjectiveOutcome;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFact;

/**
 * Builds the Relazione sulla performance from the monitoring report of the final checkpoint (built on its final
 * scores by {@link ReportBuilder}), the results with the offices' causes and explanations, the plan's versions, the
 * FINAL HR feed and the OIV's closing. Plain Java, like {@link ReportBuilder}.
 */
final class RelazioneBuilder {

	/** The causes an office may give, in the order the Relazione lists them (monitoring-service's DeviationCause). */
	static final List<String> CAUSES = List.of("EXTERNAL", "INTERNAL", "INDICATOR_DESIGN");

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	/** A version of the plan as the Relazione lists it: when it was published and the revision that made it. */
	record VersionInput(int version, Instant publishedAt, PlanEvent.Revision revision) {
	}

	/** {@code smvp}: the SMVP version that produced the final scores, as the Relazione names it (null: none). */
	record Inputs(String planId, String year, MonitoringReport report, List<VersionInput> versions,
			List<ResultFact> results, HrFeed feed, ReportCheckpointStatus.Closing closing, String smvp) {

		Inputs {
			versions = versions == null ? List.of() : List.copyOf(versions);
			results = results == null ? List.of() : List.copyOf(results);
		}

		Inputs(String planId, String year, MonitoringReport report, List<VersionInput> versions,
				List<ResultFact> results, HrFeed feed, ReportCheckpointStatus.Closing closing) {
			this(planId, year, report, versions, results, feed, closing, null);
		}
	}

	private final Inputs in;

	private final Function<String, String> messages;

	private final Map<String, ResultFact> results;

	private RelazioneBuilder(Inputs in, Function<String, String> messages) {
		this.in = in;
		this.messages = messages;
		this.results = in.results().stream().filter(r -> in.report().checkpoint().equals(r.checkpoint()))
				.collect(Collectors.toMap(r -> ReportBuilder.key(r.objective(), r.indicator()), r -> r, (a, b) -> a,
						LinkedHashMap::new));
	}

	static Relazione build(Inputs in, Function<String, String> messages, Locale locale) {
		return new RelazioneBuilder(in, messages).relazione();
	}

	private Relazione relazione() {
		MonitoringReport r = in.report();
		List<ObjectiveOutcome> objectives = r.objectives().stream().map(this::objective).toList();
		return new Relazione(in.planId(), r.title(), r.entityName(), in.year(), r.checkpoint(), r.checkpointDate(),
				r.example(), r, versions(), new Relazione.Method(String.valueOf(in.feed().policyVersion()), in.smvp()),
				objectives, causes(objectives), premiums(), validation(objectives), fileName(in.planId()));
	}

	/** {@code relazione-performance-cciaa-brescia-2018}. */
	static String fileName(String planId) {
		return Stream.of("relazione-performance", planId)
				.map(part -> part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", ""))
				.collect(Collectors.joining("-"));
	}

	// --- the plan and its revisions ---

	private List<Relazione.VersionRow> versions() {
		int inForce = in.report().planVersion();
		return in.versions().stream().map(v -> {
			PlanEvent.Revision revision = v.revision();
			if (revision == null) {
				return new Relazione.VersionRow(v.version(), messages.apply("relazione.versions.published"),
						v.publishedAt() == null ? NONE : date(v.publishedAt().atZone(ROME).toLocalDate()),
						messages.apply("relazione.versions.allCheckpoints"), 0, null, v.version() == inForce);
			}
			PlanEvent.Act act = revision.act();
			String actText = act == null ? NONE
					: Stream.of(act.type(), hasText(act.number()) ? "n. " + act.number() : null)
							.filter(ReportText::hasText).collect(Collectors.joining(" "));
			String appliesTo = list(revision.appliesTo()).stream().map(this::checkpointDate)
					.collect(Collectors.joining(", "));
			return new Relazione.VersionRow(v.version(), actText, act == null ? NONE : orNone(date(act.date())),
					appliesTo, list(revision.changes()).size(), revision.reason(), v.version() == inForce);
		}).toList();
	}

	private String checkpointDate(String checkpoint) {
		return in.report().checkpoints().stream().filter(c -> c.id().equals(checkpoint))
				.map(MonitoringReport.CheckpointColumn::date).filter(Objects::nonNull).findFirst().orElse(checkpoint);
	}

	// --- the objectives, their indicators and the explanations of the deviations ---

	private ObjectiveOutcome objective(ObjectiveSection o) {
		int column = finalColumn();
		List<IndicatorOutcome> indicators = o.indicators().stream().map(i -> indicator(o, i, column)).toList();
		return new ObjectiveOutcome(o.code(), o.title(), o.manager(), o.weight(), indicators, o.score(), o.coverage(),
				o.arithmetic());
	}

	private int finalColumn() {
		List<MonitoringReport.CheckpointColumn> columns = in.report().checkpoints();
		for (int c = 0; c < columns.size(); c++) {
			if (columns.get(c).id().equals(in.report().checkpoint())) {
				return c;
			}
		}
		return -1;
	}

	private IndicatorOutcome indicator(ObjectiveSection o, IndicatorRow i, int column) {
		ResultFact fact = results.get(ReportBuilder.key(o.code(), i.code()));
		String target = column >= 0 && column < i.targets().size() ? i.targets().get(column) : NONE;
		return new IndicatorOutcome(i.code(), i.name(), target, i.result(), i.resultWording(), i.resultKey(),
				i.deviation(), causeKey(fact), fact == null ? List.of() : paragraphs(fact.commentary()),
				i.achievement(), i.achievementKey(), i.arithmetic(), i.verdictKey(), i.verdictNote());
	}

	/** The message key of the cause an office gave; an unknown code (a newer producer) reads as "other". */
	private static String causeKey(ResultFact fact) {
		if (fact == null || !hasText(fact.deviationCause())) {
			return null;
		}
		return "relazione.cause." + (CAUSES.contains(fact.deviationCause()) ? fact.deviationCause() : "OTHER");
	}

	/**
	 * The deviations grouped by cause: every result whose office gave a cause, and every shortfall (a negative
	 * deviation, a milestone missed, a qualitative assessment below 100) without one, under "cause non indicate".
	 */
	private List<CauseGroup> causes(List<ObjectiveOutcome> objectives) {
		Map<String, List<CauseItem>> groups = new LinkedHashMap<>();
		Stream.concat(CAUSES.stream(), Stream.of("OTHER", "NONE"))
				.forEach(c -> groups.put("relazione.cause." + c, new ArrayList<>()));
		for (ObjectiveOutcome o : objectives) {
			for (IndicatorOutcome i : o.indicators()) {
				ResultFact fact = results.get(ReportBuilder.key(o.code(), i.code()));
				if (fact == null || (i.causeKey() == null && !shortfall(fact))) {
					continue;
				}
				String key = i.causeKey() == null ? "relazione.cause.NONE" : i.causeKey();
				groups.get(key).add(new CauseItem(o.code(), i.code(), i.name(), i.deviation(),
						hasText(fact.commentary()) ? squash(fact.commentary()) : NONE));
			}
		}
		return groups.entrySet().stream().filter(g -> !g.getValue().isEmpty())
				.map(g -> new CauseGroup(g.getKey(), List.copyOf(g.getValue()))).toList();
	}

	static boolean shortfall(ResultFact fact) {
		ResultEvent.Deviation d = fact.deviation();
		if (d != null) {
			if (d.number() != null && d.number().signum() < 0) {
				return true;
			}
			if (d.components() != null && d.components().values().stream()
					.anyMatch(v -> v != null && v.signum() < 0)) {
				return true;
			}
			if (d.missedMilestones() != null && !d.missedMilestones().isEmpty()) {
				return true;
			}
		}
		ResultEvent.Value v = fact.value();
		return v != null && v.assessment() != null && v.assessment().compareTo(BigDecimal.valueOf(100)) < 0;
	}

	// --- the premiums and the validation ---

	private Relazione.Premiums premiums() {
		HrFeed feed = in.feed();
		List<Relazione.PremiumRow> rows = list(feed.rows()).stream().map(row -> new Relazione.PremiumRow(
				row.managerName() == null ? row.managerId() : row.managerName(),
				row.organisationalAreaName() == null ? row.organisationalArea() : row.organisationalAreaName(),
				percent(row.score()), percent(row.coverage()), orNone(row.band()), percent(row.payoutPercentage()),
				row.payoutArithmetic(),
				list(row.incentives()).stream().map(e -> new Relazione.IncentiveRow(e.objective(), e.objectiveTitle(),
						percent(e.objectiveScore()), percent(e.payoutPercentage()),
						list(e.funds()).stream().map(f -> f.fund() + ": " + euros(f.earned())
								+ (hasText(f.arithmetic()) ? " (" + f.arithmetic() + ")" : "")).toList()))
						.toList()))
				.toList();
		return new Relazione.Premiums("status." + feed.status(), feed.payable(), feed.closing(), rows);
	}

	private Relazione.ValidationDocument validation(List<ObjectiveOutcome> objectives) {
		ReportCheckpointStatus.Closing closing = in.closing();
		Map<String, String> names = new LinkedHashMap<>();
		objectives.forEach(o -> o.indicators().forEach(i -> names.put(ReportBuilder.key(o.code(), i.code()), i.name())));
		List<Relazione.VerdictRow> rows = closing.verdicts().stream().map(v -> new Relazione.VerdictRow(v.objective(),
				v.indicator(), names.getOrDefault(ReportBuilder.key(v.objective(), v.indicator()), NONE),
				"report.verdict." + v.verdict(), note(v))).toList();
		return new Relazione.ValidationDocument(orNone(date(closing.date())), closing.number(),
				count(closing.verdicts(), "VALIDATED"), count(closing.verdicts(), "ADJUSTED"),
				count(closing.verdicts(), "REJECTED"), rows);
	}

	private static long count(Collection<ReportCheckpointStatus.Verdict> verdicts, String verdict) {
		return verdicts.stream().filter(v -> verdict.equals(v.verdict())).count();
	}

	private static String note(ReportCheckpointStatus.Verdict verdict) {
		String adjusted = verdict.adjustedAchievement() == null ? null : percent(verdict.adjustedAchievement());
		String note = Stream.of(adjusted, verdict.reason()).filter(ReportText::hasText)
				.collect(Collectors.joining(" — "));
		return note.isEmpty() ? null : note;
	}

	private static String orNone(String text) {
		return hasText(text) ? text : NONE;
	}
}
