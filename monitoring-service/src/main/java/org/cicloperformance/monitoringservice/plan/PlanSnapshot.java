package org.cicloperformance.monitoringservice.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The part of a plan version's content this service needs to check results and compute deviations. Tolerant:
 * unknown fields are ignored, absent lists read as empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanSnapshot(String entity, Integer year, List<CheckpointDef> checkpoints, List<Area> strategicAreas) {

	public PlanSnapshot {
		checkpoints = copy(checkpoints);
		strategicAreas = copy(strategicAreas);
	}

	public Stream<Objective> objectives() {
		return strategicAreas.stream()
				.flatMap(a -> a.strategicObjectives().stream())
				.flatMap(s -> s.operationalObjectives().stream());
	}

	public Optional<Objective> objective(String code) {
		return objectives().filter(o -> o.code().equals(code)).findFirst();
	}

	public boolean hasCheckpoint(String id) {
		return checkpoints.stream().anyMatch(c -> id.equals(c.id()));
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CheckpointDef(String id, LocalDate date, String label) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Area(String code, List<StrategicObjective> strategicObjectives) {

		public Area {
			strategicObjectives = copy(strategicObjectives);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record StrategicObjective(String code, List<Objective> operationalObjectives) {

		public StrategicObjective {
			operationalObjectives = copy(operationalObjectives);
		}
	}

	/**
	 * {@code organisationalArea}: the area whose office reports the results of the objective's indicators;
	 * {@code manager}: the manager who answers for it (submits its results to the OIV).
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Objective(String code, String title, String organisationalArea, String manager,
			List<IndicatorDef> indicators) {

		public Objective {
			indicators = copy(indicators);
		}

		public Optional<IndicatorDef> indicator(String code) {
			return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record IndicatorDef(String code, String name, MeasureKind measureKind, String unit,
			List<ComponentDef> components, List<MilestoneDef> milestones, List<TargetDef> targets) {

		public IndicatorDef {
			components = copy(components);
			milestones = copy(milestones);
			targets = copy(targets);
		}

		public Optional<TargetDef> target(String checkpoint) {
			return targets.stream().filter(t -> checkpoint.equals(t.checkpoint())).findFirst();
		}

		public Optional<ComponentDef> component(String code) {
			return components.stream().filter(c -> c.code().equals(code)).findFirst();
		}

		public Optional<MilestoneDef> milestone(String code) {
			return milestones.stream().filter(m -> m.code().equals(code)).findFirst();
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ComponentDef(String code, String name, MeasureKind measureKind, String unit) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record MilestoneDef(String code, String name, LocalDate due) {
	}

	/** A target; which field is set depends on the measure kind (see plan-service's Target). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TargetDef(String checkpoint, BigDecimal number, Boolean yes, List<String> milestones,
			Map<String, BigDecimal> components, String text) {
	}

	private static <T> List<T> copy(List<T> list) {
		return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
	}
}
