package org.cicloperformance.reportingservice.completion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.springframework.stereotype.Component;

/**
 * Which indicators of a checkpoint are due, posted, missing or late on a given day, by office and by manager: the
 * rule of monitoring-service's board ({@code /api/completion}) on this service's facts. Due: a target at the
 * checkpoint in the plan version in force; posted: the first version of its result recorded by the end of the day
 * (Europe/Rome); late: not posted and the day is after the calendar's closing date; missing otherwise. The
 * calendar (dates, offices, named users) is monitoring's, received as {@code CalendarSet}; without one an indicator's
 * office is its area's and nothing is late.
 */
@Component
public class CompletionBoard {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private final PlanVersions plans;

	private final ResultFacts results;

	private final CompletionCalendars calendars;

	CompletionBoard(PlanVersions plans, ResultFacts results, CompletionCalendars calendars) {
		this.plans = plans;
		this.results = results;
		this.calendars = calendars;
	}

	public enum Status {
		POSTED, MISSING, LATE
	}

	public record Counts(int due, int posted, int missing, int late) {
	}

	/** {@code postedAt}: when the first version of its result was recorded (null when not posted by the day). */
	public record Row(String objective, String indicator, String name, String manager, String area, String office,
			String user, Status status, Integer resultVersion, Instant postedAt) {
	}

	/** An office's or a manager's share and its outstanding indicators. */
	public record Group(String key, Counts counts, List<Row> outstanding) {
	}

	/** {@code phase}: NO_CALENDAR, NOT_OPEN, OPEN or CLOSED on {@code asOf}. */
	public record Board(String planId, String checkpoint, int planVersion, LocalDate asOf, LocalDate opensOn,
			LocalDate closesOn, String phase, Counts totals, List<Row> indicators, List<Group> byOffice,
			List<Group> byManager) {
	}

	/** Empty when no plan version applies to the checkpoint. */
	public Optional<Board> of(String planId, String checkpoint, LocalDate asOf) {
		Optional<PlanVersionFact> inForce = plans.inForce(planId, checkpoint);
		if (inForce.isEmpty()) {
			return Optional.empty();
		}
		ScoringPlan plan = plans.scorer(inForce.get()).plan();
		CompletionCalendar calendar = calendars.find(planId, checkpoint).orElse(null);
		Instant endOfDay = asOf.plusDays(1).atStartOfDay(ROME).toInstant();
		Map<String, ResultFact> latest = new HashMap<>();
		results.latestAt(planId, checkpoint).forEach(f -> latest.put(f.objective() + "/" + f.indicator(), f));
		LocalDate closesOn = calendar == null ? null : calendar.closesOn();
		List<Row> rows = new ArrayList<>();
		for (ScoringPlan.Objective objective : plan.objectives()) {
			objective.indicators().stream().filter(i -> i.target(checkpoint).isPresent()).forEach(i -> {
				ResultFact fact = latest.get(objective.code() + "/" + i.code());
				Instant first = fact == null ? null : firstRecorded(fact);
				boolean posted = first != null && first.isBefore(endOfDay);
				Status status = posted ? Status.POSTED
						: closesOn != null && asOf.isAfter(closesOn) ? Status.LATE : Status.MISSING;
				String area = objective.organisationalArea();
				rows.add(new Row(objective.code(), i.code(), i.name(), objective.manager(), area,
						calendar == null ? area : calendar.officeOf(objective.code(), i.code(), area),
						calendar == null ? null : calendar.userOf(objective.code(), i.code()), status,
						posted ? fact.resultVersion() : null, posted ? first : null));
			});
		}
		return Optional.of(new Board(planId, checkpoint, inForce.get().version(), asOf,
				calendar == null ? null : calendar.opensOn(), closesOn, phase(calendar, asOf), counts(rows), rows,
				groups(rows, Row::office), groups(rows, Row::manager)));
	}

	/** A first version says when itself; a corrected result has its history read for its first version. */
	private Instant firstRecorded(ResultFact latest) {
		if (latest.resultVersion() <= 1) {
			return latest.recordedAt();
		}
		return results.history(latest.planId(), latest.objective(), latest.indicator()).stream()
				.filter(f -> latest.checkpoint().equals(f.checkpoint())).map(ResultFact::recordedAt)
				.filter(Objects::nonNull).min(Instant::compareTo).orElse(latest.recordedAt());
	}

	private static String phase(CompletionCalendar calendar, LocalDate day) {
		if (calendar == null) {
			return "NO_CALENDAR";
		}
		if (day.isBefore(calendar.opensOn())) {
			return "NOT_OPEN";
		}
		return day.isAfter(calendar.closesOn()) ? "CLOSED" : "OPEN";
	}

	static Counts counts(List<Row> rows) {
		int posted = 0;
		int missing = 0;
		int late = 0;
		for (Row row : rows) {
			switch (row.status()) {
				case POSTED -> posted++;
				case MISSING -> missing++;
				case LATE -> late++;
			}
		}
		return new Counts(rows.size(), posted, missing, late);
	}

	private static List<Group> groups(List<Row> rows, Function<Row, String> by) {
		Map<String, List<Row>> grouped = new TreeMap<>();
		rows.forEach(r -> grouped.computeIfAbsent(Objects.requireNonNullElse(by.apply(r), "-"),
				k -> new ArrayList<>()).add(r));
		return grouped.entrySet().stream().map(e -> new Group(e.getKey(), counts(e.getValue()),
				e.getValue().stream().filter(r -> r.status() != Status.POSTED).toList())).toList();
	}
}
