package org.cicloperformance.reportingservice.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.IndicatorDefinition;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Forecasts computed on read from the stored facts: the plan version in force at the final checkpoint (its
 * targets) and the latest result version of each indicator at each earlier checkpoint and at each interim period of
 * monitoring's calendar (its date; those results are not scored, they are the forecast's interim points). Nothing is
 * written, so an
 * alert is raised and cleared only by the results themselves: a newer result version changes the forecast.
 */
@Component
public class Forecasts {

	private final PlanVersions plans;

	private final ResultFacts results;

	private final MessageSource messages;

	Forecasts(PlanVersions plans, ResultFacts results, MessageSource messages) {
		this.plans = plans;
		this.results = results;
		this.messages = messages;
	}

	/** In the language of the request (the API's {@code Accept-Language}, the dashboard's choice), Italian by default. */
	public Optional<PlanForecast> of(String planId) {
		return of(planId, LocaleContextHolder.getLocale());
	}

	/** Empty for a plan not received, or one without a final checkpoint; the texts in {@code locale}. */
	public Optional<PlanForecast> of(String planId, Locale locale) {
		ForecastWording wording = ForecastWording.of(messages, locale);
		List<PlanVersionFact> versions = plans.versions(planId);
		if (versions.isEmpty()) {
			return Optional.empty();
		}
		ScoringPlan latest = plans.scorer(versions.get(versions.size() - 1)).plan();
		Optional<Checkpoint> end = finalCheckpoint(latest.checkpoints());
		if (end.isEmpty()) {
			return Optional.empty();
		}
		PlanVersionFact inForce = plans.inForce(planId, end.get().id()).orElse(versions.get(0));
		ScoringPlan plan = plans.scorer(inForce).plan();
		Checkpoint last = plan.checkpoint(end.get().id()).orElse(end.get());
		Map<String, LocalDate> dates = new HashMap<>();
		plan.checkpoints().forEach(c -> dates.put(c.id(), c.date()));
		Map<String, List<ResultFact>> byIndicator = new HashMap<>();
		for (ResultFact fact : results.latestOf(planId)) {
			LocalDate date = dateOf(fact, dates);
			if (date != null && date.isBefore(last.date())) {
				byIndicator.computeIfAbsent(fact.objective() + "/" + fact.indicator(), k -> new ArrayList<>())
						.add(fact);
			}
		}
		List<PlanForecast.IndicatorForecast> forecasts = new ArrayList<>();
		for (ScoringPlan.Objective objective : plan.objectives()) {
			for (IndicatorDefinition indicator : objective.indicators()) {
				if (indicator.target(last.id()).isEmpty()) {
					continue;
				}
				List<ResultFact> facts = byIndicator.getOrDefault(objective.code() + "/" + indicator.code(),
						List.of());
				List<InterimPoint> points = facts.stream().map(f -> new InterimPoint(f.checkpoint(),
						dateOf(f, dates), f.toIndicatorResult())).toList();
				String commentary = facts.stream().max(Comparator.comparing(f -> dateOf(f, dates)))
						.map(ResultFact::commentary).filter(c -> !c.isBlank()).orElse(null);
				forecasts.add(new PlanForecast.IndicatorForecast(objective.code(), indicator.code(), indicator.name(),
						objective.manager(), indicator.kind() == null ? null : indicator.kind().name(),
						indicator.direction().name(), Forecaster.forecast(indicator, last, points, wording), commentary));
			}
		}
		return Optional.of(new PlanForecast(planId, inForce.version(), last.id(), last.date(), forecasts));
	}

	/** A fact's date: its checkpoint's, or for an interim period the date it is named by (ISO). */
	static LocalDate dateOf(ResultFact fact, Map<String, LocalDate> checkpointDates) {
		LocalDate date = checkpointDates.get(fact.checkpoint());
		if (date != null || !fact.atInterimPeriod()) {
			return date;
		}
		try {
			return LocalDate.parse(fact.checkpoint());
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

	/** The checkpoint marked final, else the latest dated one. */
	static Optional<Checkpoint> finalCheckpoint(List<Checkpoint> checkpoints) {
		return checkpoints.stream().filter(Checkpoint::isFinal).findFirst()
				.or(() -> checkpoints.stream().filter(c -> c.date() != null).max(Comparator.comparing(Checkpoint::date)));
	}
}
