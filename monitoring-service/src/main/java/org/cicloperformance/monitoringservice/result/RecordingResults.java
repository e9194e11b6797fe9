package org.cicloperformance.monitoringservice.result;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.cicloperformance.monitoringservice.calendar.Calendars;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointGate;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.IndicatorDef;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.VersionInForce;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.result.ResultChecker.Accepted;
import org.cicloperformance.monitoringservice.result.ResultChecker.Outcome;
import org.cicloperformance.monitoringservice.result.ResultChecker.Refused;
import org.cicloperformance.monitoringservice.result.csv.CsvResults;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Service;

/**
 * Recording results: one, a batch or a CSV file, all through one path. In order: the user's areas (403 for the whole
 * request when any item is outside them), the checkpoints' state (409 when any is closed or under review), then
 * every item against the plan version in force and the bounds (422 naming each item's fields); all items are
 * written, or none. A checkpoint field may also name an interim period of the calendar (its date): only the
 * indicators it lists are accepted there. Results are recorded as reported by the authenticated user.
 */
@Service
public class RecordingResults {

	private final ResultService reads;

	private final ResultWriter writer;

	private final CheckpointGate checkpoints;

	private final MeterRegistry meters;

	private final Calendars calendars;

	RecordingResults(ResultService reads, ResultWriter writer, CheckpointGate checkpoints, MeterRegistry meters,
			Calendars calendars) {
		this.reads = reads;
		this.writer = writer;
		this.checkpoints = checkpoints;
		this.meters = meters;
		this.calendars = calendars;
	}

	/** One item of a request, and how a refusal of it names where it is (its index in a batch, its CSV line). */
	private record Item(ResultRequest request, UnaryOperator<Violation> place) {
	}

	/** What a line or item reports on, for the area check; for CSV also the lines that could not be read. */
	private record Target(String planId, String objective, String checkpoint, UnaryOperator<Violation> place) {
	}

	public RecordedResult recordOne(Actor actor, ResultRequest request, String requestId) {
		ResultRequest item = request.asReportedBy(actor.username());
		return record(actor, reads.plansOf(actor.entity()), List.of(new Item(item, v -> v)),
				List.of(new Target(item.planId(), item.objective(), item.checkpoint(), v -> v)), List.of(), requestId)
				.get(0);
	}

	public List<RecordedResult> recordBatch(Actor actor, List<ResultRequest> requests, String requestId) {
		if (requests.size() > InputBounds.MAX_BATCH) {
			countRefused("batch-too-large", 1);
			throw new RefusedException(Violation.of("/results", "batch-too-large", InputBounds.MAX_BATCH));
		}
		List<Item> items = IntStream.range(0, requests.size()).mapToObj(i -> new Item(
				requests.get(i).asReportedBy(actor.username()), v -> v.under("/results/" + i))).toList();
		List<Target> targets = items.stream().map(i -> new Target(i.request().planId(), i.request().objective(),
				i.request().checkpoint(), i.place())).toList();
		return record(actor, reads.plansOf(actor.entity()), items, targets, List.of(), requestId);
	}

	public List<RecordedResult> recordCsv(Actor actor, byte[] csv, String requestId) {
		PlanLookup plans = reads.plansOf(actor.entity());
		CsvResults.Parsed parsed = CsvResults.read(csv, kindLookup(plans));
		List<Item> items = IntStream.range(0, parsed.requests().size()).mapToObj(i -> new Item(
				parsed.requests().get(i).asReportedBy(actor.username()), atLine(parsed.lines().get(i)))).toList();
		List<Target> targets = parsed.targets().stream()
				.map(t -> new Target(t.planId(), t.objective(), t.checkpoint(), atLine(t.line()))).toList();
		if (!parsed.violations().isEmpty()) {
			countRefused("csv-unreadable-line", parsed.violations().size());
		}
		return record(actor, plans, items, targets, parsed.violations(), requestId);
	}

	private static UnaryOperator<Violation> atLine(int line) {
		return v -> v.atLine(line, CsvResults.columnOf(v.pointer()));
	}

	/** The one path. {@code unreadable}: what could not even be read (CSV lines), refused with the rest. */
	private List<RecordedResult> record(Actor actor, PlanLookup plans, List<Item> items, List<Target> targets,
			List<Violation> unreadable, String requestId) {
		refuseOutsideAreas(actor, plans, targets);
		refuseOnReviewedCheckpoints(actor, plans, items);
		List<Outcome> outcomes = check(items.stream().map(Item::request).toList(), plans, interims(actor));
		List<Violation> violations = new ArrayList<>(unreadable);
		for (int i = 0; i < outcomes.size(); i++) {
			if (outcomes.get(i) instanceof Refused refused) {
				refused.violations().stream().map(items.get(i).place()).forEach(violations::add);
			}
		}
		if (!violations.isEmpty()) {
			countRefused(outcomes);
			violations.sort(Comparator.comparing(v -> v.line() == null ? 0 : v.line()));
			throw new RefusedException(violations);
		}
		List<RecordedResult> written = writer.write(outcomes.stream().map(Accepted.class::cast).toList(), requestId);
		meters.counter("monitoring.results.accepted").increment(written.size());
		return written;
	}

	/** The outcome of each item, in order: the checker's, then whether its event can be sent at all. */
	private List<Outcome> check(List<ResultRequest> requests, PlanLookup plans, ResultChecker.Interims interims) {
		List<Outcome> outcomes = new ArrayList<>();
		for (ResultRequest request : requests) {
			Outcome outcome = ResultChecker.check(request, plans.versionsOf(request.planId()), interims);
			if (outcome instanceof Accepted accepted && !writer.eventFits(accepted)) {
				outcome = new Refused(List.of(Violation.of("", "event-too-large", writer.maxEventBytes())));
			}
			outcomes.add(outcome);
		}
		return outcomes;
	}

	/**
	 * The interim periods of the actor's entity, for one request: each (plan, date) named is read once from its
	 * calendar (only for a checkpoint field that is no checkpoint of the plan).
	 */
	private ResultChecker.Interims interims(Actor actor) {
		Map<String, Optional<ResultChecker.Interim>> read = new HashMap<>();
		return (planId, plan, checkpoint) -> read.computeIfAbsent(planId + "|" + checkpoint,
				k -> calendars.interim(actor.entity(), planId, plan, checkpoint)
						.map(i -> new ResultChecker.Interim(i.checkpoint(), i.period())));
	}

	/** A measure-kind lookup for CSV reading, against the plans the lookup sees. */
	private static CsvResults.KindLookup kindLookup(PlanLookup plans) {
		return (planId, objective, indicator, checkpoint) -> {
			if (planId.isBlank() || checkpoint.isBlank()) {
				return Optional.empty();
			}
			List<PlanVersion> received = plans.versionsOf(planId);
			if (!(VersionInForce.resolve(received, checkpoint) instanceof VersionInForce.InForce inForce)) {
				return Optional.empty();
			}
			return inForce.version().content().objective(objective).flatMap(o -> o.indicator(indicator))
					.map(IndicatorDef::measureKind);
		};
	}

	/** 403 for the whole request when any item reports on an objective outside the user's areas. */
	private void refuseOutsideAreas(Actor actor, PlanLookup plans, List<Target> targets) {
		List<Violation> forbidden = new ArrayList<>();
		for (Target t : targets) {
			outsideAreas(actor, plans, t.planId(), t.objective(), t.checkpoint())
				.ifPresent(v -> forbidden.add(t.place().apply(v)));
		}
		if (forbidden.isEmpty()) {
			return;
		}
		countRefused("area-forbidden", forbidden.size());
		if (targets.size() > forbidden.size()) {
			countRefused("batch-rejected", targets.size() - forbidden.size());
		}
		throw new RefusedException(forbidden);
	}

	/**
	 * The objective named, looked up in the version in force at the checkpoint: refused when its area is not one of
	 * the user's. An objective that cannot be found there is left to the checker, which refuses it anyway.
	 */
	private static Optional<Violation> outsideAreas(Actor actor, PlanLookup plans, String planId, String objective,
			String checkpoint) {
		return plans.objectiveInForce(planId, objective, checkpoint)
			.filter(o -> !actor.worksFor(o.organisationalArea()))
			.map(o -> Violation.of("/objective", "area-forbidden", o.code(), o.organisationalArea(),
					String.join(", ", new TreeSet<>(actor.areas()))));
	}

	/**
	 * 409 for the whole request when any item is on a CLOSED checkpoint, or on one under review without being the
	 * correction of a REJECTED indicator (one read of each checkpoint named, not one per item). An interim period's
	 * results follow the checkpoint whose span holds the period: once the OIV reviews or closes it, they are
	 * locked like its own.
	 */
	private void refuseOnReviewedCheckpoints(Actor actor, PlanLookup plans, List<Item> items) {
		List<CheckpointGate.Item> asked = items.stream().map(Item::request)
				.map(r -> new CheckpointGate.Item(r.planId(), r.objective(), r.indicator(), gatedBy(plans, r)))
				.toList();
		List<Violation> refused = checkpoints.refusals(actor.entity(), asked,
				(i, v) -> items.get(i).place().apply(v));
		if (refused.isEmpty()) {
			return;
		}
		refused.forEach(v -> countRefused(v.code(), 1));
		if (items.size() > refused.size()) {
			countRefused("batch-rejected", items.size() - refused.size());
		}
		throw new RefusedException(refused);
	}

	/**
	 * The checkpoint whose state governs a result: its own, or, for a date that is no checkpoint of the plan (an
	 * interim period, see calendar/InterimRules), the plan's first checkpoint after it. Anything else is left to the
	 * checker, which refuses it.
	 */
	private static String gatedBy(PlanLookup plans, ResultRequest r) {
		List<PlanVersion> versions = plans.versionsOf(r.planId());
		if (versions.isEmpty() || r.checkpoint() == null || versions.get(versions.size() - 1).content() == null) {
			return r.checkpoint();
		}
		PlanSnapshot plan = versions.get(versions.size() - 1).content();
		if (plan.hasCheckpoint(r.checkpoint())) {
			return r.checkpoint();
		}
		LocalDate date;
		try {
			date = LocalDate.parse(r.checkpoint());
		}
		catch (DateTimeParseException e) {
			return r.checkpoint();
		}
		return plan.checkpoints().stream().filter(c -> c.date() != null && c.date().isAfter(date))
			.min(Comparator.comparing(PlanSnapshot.CheckpointDef::date)).map(PlanSnapshot.CheckpointDef::id)
			.orElse(r.checkpoint());
	}

	/** Counts a refused request: each invalid item by its first reason, each valid one as "batch-rejected". */
	private void countRefused(List<Outcome> outcomes) {
		for (Outcome outcome : outcomes) {
			String reason = outcome instanceof Refused refused ? refused.violations().get(0).code() : "batch-rejected";
			countRefused(reason, 1);
		}
	}

	private void countRefused(String reason, int count) {
		meters.counter("monitoring.results.refused", "reason", reason).increment(count);
	}
}
