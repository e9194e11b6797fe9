package org.cicloperformance.monitoringservice.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cicloperformance.monitoringservice.calendar.InterimPeriod;
import org.cicloperformance.monitoringservice.plan.MeasureKind;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.ComponentDef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.IndicatorDef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.Objective;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.TargetDef;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.VersionInForce.InForce;
import org.cicloperformance.monitoringservice.plan.VersionInForce.NotReceived;
import org.cicloperformance.monitoringservice.plan.VersionInForce;
import org.cicloperformance.monitoringservice.refusal.Violation;

/**
 * Checks one result against the plan versions received for its plan: every refusal is named by a JSON pointer
 * relative to the result. Plain Java, no Spring.
 */
final class ResultChecker {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private ResultChecker() {
	}

	public sealed interface Outcome {
	}

	/**
	 * A valid result with what its deviation is computed against. {@code interim}: at an interim period (no target,
	 * never scored).
	 */
	public record Accepted(ResultRequest request, PlanVersion planVersion, IndicatorDef indicator,
			Optional<TargetDef> target, boolean interim) implements Outcome {

		public Deviation deviation() {
			return DeviationCalculator.compute(indicator, target, request.value());
		}
	}

	public record Refused(List<Violation> violations) implements Outcome {
	}

	/** The interim period a result's checkpoint names, and the checkpoint whose calendar sets it. */
	record Interim(String checkpoint, InterimPeriod period) {
	}

	/** Where the checker finds the interim period a checkpoint field names (a calendar read, done by the caller). */
	@FunctionalInterface
	interface Interims {

		Optional<Interim> find(String planId, PlanSnapshot plan, String checkpoint);
	}

	/**
	 * A checkpoint field that is no checkpoint of the plan may name an interim period: the result is then checked
	 * against the plan version in force at the checkpoint whose calendar sets the period, and only the indicators
	 * the period lists are accepted.
	 */
	public static Outcome check(ResultRequest request, List<PlanVersion> received, Interims interims) {
		List<Violation> outOfBounds = ResultBounds.outOfBounds(request);
		if (!outOfBounds.isEmpty()) {
			// nothing else looks at a request with a value out of bounds (it may be huge)
			return new Refused(outOfBounds);
		}
		List<Violation> violations = new ArrayList<>();
		require(violations, "/planId", request.planId());
		require(violations, "/objective", request.objective());
		require(violations, "/indicator", request.indicator());
		require(violations, "/checkpoint", request.checkpoint());
		require(violations, "/reportedBy", request.reportedBy());
		if (request.value() == null) {
			violations.add(Violation.of("/value", "required"));
		}
		if (blank(request.planId()) || blank(request.objective()) || blank(request.indicator())
				|| blank(request.checkpoint())) {
			return new Refused(violations);
		}
		if (received.isEmpty()) {
			violations.add(Violation.of("/planId", "plan-unknown", request.planId()));
			return new Refused(violations);
		}
		PlanSnapshot latest = VersionInForce.latest(received).content();
		Optional<Interim> interim = Optional.empty();
		if (!latest.hasCheckpoint(request.checkpoint())) {
			interim = interims.find(request.planId(), latest, request.checkpoint());
			if (interim.isEmpty()) {
				violations.add(Violation.of("/checkpoint", "checkpoint-unknown", request.checkpoint(),
						request.planId()));
				return new Refused(violations);
			}
		}
		String scored = interim.map(Interim::checkpoint).orElse(request.checkpoint());
		VersionInForce.Resolution resolution = VersionInForce.resolve(received, scored);
		if (resolution instanceof NotReceived notReceived) {
			violations.add(Violation.of("/checkpoint", "plan-version-not-received", request.planId(),
					notReceived.missing(), request.checkpoint()));
			return new Refused(violations);
		}
		if (!(resolution instanceof InForce inForce)) {
			violations.add(Violation.of("/planId", "plan-unknown", request.planId()));
			return new Refused(violations);
		}
		PlanVersion version = inForce.version();
		Optional<Objective> objective = version.content().objective(request.objective());
		if (objective.isEmpty()) {
			violations.add(Violation.of("/objective", "objective-unknown", request.objective(), version.version()));
			return new Refused(violations);
		}
		Optional<IndicatorDef> indicator = objective.get().indicator(request.indicator());
		if (indicator.isEmpty()) {
			violations.add(Violation.of("/indicator", "indicator-unknown", request.indicator(), request.objective(),
					version.version()));
			return new Refused(violations);
		}
		if (interim.isPresent() && !interim.get().period().lists(request.objective(), request.indicator())) {
			violations.add(Violation.of("/indicator", "interim-indicator-not-listed", request.indicator(),
					request.objective(), request.checkpoint()));
			return new Refused(violations);
		}
		if (indicator.get().measureKind() == null) {
			violations.add(Violation.of("/indicator", "kind-unsupported", request.indicator()));
			return new Refused(violations);
		}
		if (request.deviationCause() != null && DeviationCause.of(request.deviationCause()).isEmpty()) {
			violations.add(Violation.of("/deviationCause", "deviation-cause-unknown", request.deviationCause()));
		}
		if (request.value() != null) {
			checkValue(indicator.get(), request.checkpoint(), request.value(), violations);
		}
		if (!violations.isEmpty()) {
			return new Refused(violations);
		}
		// an interim period has no target: its deviation is "not due", it is monitored only
		return new Accepted(request, version, indicator.get(),
				interim.isPresent() ? Optional.empty() : indicator.get().target(request.checkpoint()),
				interim.isPresent());
	}

	private static void checkValue(IndicatorDef indicator, String checkpoint, ResultValue value,
			List<Violation> violations) {
		MeasureKind kind = indicator.measureKind();
		notForKind(violations, kind, "number", value.number() != null, kind.isNumeric());
		notForKind(violations, kind, "yes", value.yes() != null, kind == MeasureKind.BOOLEAN);
		notForKind(violations, kind, "delivered", value.delivered() != null, kind == MeasureKind.MILESTONE);
		notForKind(violations, kind, "assessment", value.assessment() != null, kind == MeasureKind.QUALITATIVE);
		notForKind(violations, kind, "justification", value.justification() != null, kind == MeasureKind.QUALITATIVE);
		notForKind(violations, kind, "components", value.components() != null, kind == MeasureKind.COMPOUND);
		switch (kind) {
			case COUNT, AMOUNT, PERCENTAGE -> {
				if (value.number() == null) {
					violations.add(Violation.of("/value/number", "required-for-kind", kind));
				}
				else {
					checkNumber(kind, value.number(), "/value/number", violations);
				}
			}
			case BOOLEAN -> {
				if (value.yes() == null) {
					violations.add(Violation.of("/value/yes", "required-for-kind", kind));
				}
			}
			case QUALITATIVE -> {
				if (value.assessment() == null) {
					// a descriptive result (the step reached, in words) with no assessment: to be judged by the OIV
					if (blank(value.text())) {
						violations.add(Violation.of("/value/assessment", "required-for-kind", kind));
					}
					else if (value.justification() != null) {
						violations.add(Violation.of("/value/justification", "justification-without-assessment"));
					}
				}
				else {
					if (value.assessment().signum() < 0 || value.assessment().compareTo(HUNDRED) > 0) {
						violations.add(Violation.of("/value/assessment", "assessment-out-of-range", value.assessment()));
					}
					if (blank(value.justification())) {
						violations.add(Violation.of("/value/justification", "justification-required"));
					}
				}
			}
			case MILESTONE -> checkMilestones(indicator, value, violations);
			case COMPOUND -> checkComponents(indicator, indicator.target(checkpoint), value, violations);
		}
	}

	private static void checkNumber(MeasureKind kind, BigDecimal number, String pointer, List<Violation> violations) {
		if (kind == MeasureKind.COUNT && number.signum() < 0) {
			violations.add(Violation.of(pointer, "negative-count", number));
		}
		if (kind == MeasureKind.PERCENTAGE && (number.signum() < 0 || number.compareTo(HUNDRED) > 0)) {
			violations.add(Violation.of(pointer, "percentage-out-of-range", number));
		}
	}

	private static void checkMilestones(IndicatorDef indicator, ResultValue value, List<Violation> violations) {
		if (value.delivered() == null) {
			violations.add(Violation.of("/value/delivered", "required-for-kind", MeasureKind.MILESTONE));
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < value.delivered().size(); i++) {
			ResultValue.DeliveredMilestone delivered = value.delivered().get(i);
			String pointer = "/value/delivered/" + i;
			if (delivered == null) {
				violations.add(Violation.of(pointer, "required"));
				continue;
			}
			if (blank(delivered.milestone())) {
				violations.add(Violation.of(pointer + "/milestone", "required"));
			}
			else if (indicator.milestone(delivered.milestone()).isEmpty()) {
				violations.add(Violation.of(pointer + "/milestone", "milestone-unknown", delivered.milestone()));
			}
			else if (!seen.add(delivered.milestone())) {
				violations.add(Violation.of(pointer + "/milestone", "milestone-duplicate", delivered.milestone()));
			}
			if (blank(delivered.date())) {
				violations.add(Violation.of(pointer + "/date", "required"));
			}
			else if (!isIsoDate(delivered.date())) {
				violations.add(Violation.of(pointer + "/date", "not-a-date", delivered.date()));
			}
		}
	}

	private static void checkComponents(IndicatorDef indicator, Optional<TargetDef> target, ResultValue value,
			List<Violation> violations) {
		if (value.components() == null) {
			violations.add(Violation.of("/value/components", "required-for-kind", MeasureKind.COMPOUND));
			return;
		}
		for (Map.Entry<String, BigDecimal> entry : value.components().entrySet()) {
			String pointer = "/value/components/" + Violation.escape(entry.getKey());
			Optional<ComponentDef> component = indicator.component(entry.getKey());
			if (component.isEmpty()) {
				violations.add(Violation.of(pointer, "component-unknown", entry.getKey()));
			}
			else if (entry.getValue() == null) {
				violations.add(Violation.of(pointer, "required"));
			}
			else if (component.get().measureKind() != null) {
				checkNumber(component.get().measureKind(), entry.getValue(), pointer, violations);
			}
		}
		// The components with a target at the checkpoint must be reported (2.1.1/4 at 30/6 targets only "seminari");
		// when nothing is due, at least one component.
		Map<String, BigDecimal> due = target.map(TargetDef::components).orElse(null);
		if (due == null) {
			if (value.components().isEmpty()) {
				violations.add(Violation.of("/value/components", "required-for-kind", MeasureKind.COMPOUND));
			}
			return;
		}
		for (String code : due.keySet()) {
			if (!value.components().containsKey(code)) {
				violations.add(Violation.of("/value/components/" + Violation.escape(code), "component-missing", code));
			}
		}
	}

	private static void notForKind(List<Violation> violations, MeasureKind kind, String field, boolean present,
			boolean allowed) {
		if (present && !allowed) {
			violations.add(Violation.of("/value/" + field, "not-for-kind", field, kind));
		}
	}

	private static void require(List<Violation> violations, String pointer, String value) {
		if (blank(value)) {
			violations.add(Violation.of(pointer, "required"));
		}
	}

	private static boolean isIsoDate(String text) {
		try {
			LocalDate.parse(text);
			return true;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
