package org.cicloperformance.reportingservice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cicloperformance.reportingservice.evaluation.ExamplePolicy.d;

import java.util.List;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Violation;
import org.cicloperformance.reportingservice.evaluation.Scheda.Rating;
import org.cicloperformance.reportingservice.evaluation.Scheda.RefusedScheda;
import org.junit.jupiter.api.Test;

class SchedaTest {

	private static final List<Rating> RATINGS = List.of(new Rating("DIFF", 5, null), new Rating("RIS", 4, null),
			new Rating("RIS-UM", 4, null), new Rating("COLL", 3, null));

	@Test
	void theTotalWeighsOwnObjectivesTheEntityAndBehavioursAndSaysHow() {
		// behaviours: (5 + 4 + 4 + 3) / 5 / 4 = 80%; 60% × 75,49% + 10% × 75,36% + 30% × 80% = 76,83%
		Scheda scheda = Scheda.evaluate(ExamplePolicy.policy(), "dazzeo", RoleGroup.DIRIGENTE, d("0.7549"),
				d("0.7536"), RATINGS);

		assertThat(scheda.behaviours()).isEqualByComparingTo("0.80");
		assertThat(scheda.total()).isEqualByComparingTo("0.768300");
		assertThat(scheda.band().code()).isEqualTo("BASE");
		assertThat(scheda.arithmetic()).isEqualTo("60,00% × 75,49% (obiettivi propri) + 10,00% × 75,36% "
				+ "(performance dell'ente) + 30,00% × 80,00% (comportamenti) = 76,83% → fascia BASE, 80,00% della "
				+ "retribuzione di risultato");
	}

	@Test
	void theRoleGroupChoosesTheWeights() {
		Scheda scheda = Scheda.evaluate(ExamplePolicy.policy(), "sg", RoleGroup.SEGRETARIO_GENERALE, d("0.90"),
				d("0.80"), RATINGS);

		// 40% × 90% + 40% × 80% + 20% × 80% = 84%
		assertThat(scheda.total()).isEqualByComparingTo("0.84");
		assertThat(scheda.band().code()).isEqualTo("BUONA");
	}

	@Test
	void aLevelBelowThePolicysNeedsAReason() {
		List<Rating> low = List.of(new Rating("DIFF", 2, " "), new Rating("RIS", 4, null),
				new Rating("RIS-UM", 4, null), new Rating("COLL", 3, null));

		assertThatThrownBy(() -> Scheda.evaluate(ExamplePolicy.policy(), "x", RoleGroup.DIRIGENTE, d("1"), d("1"), low))
			.isInstanceOfSatisfying(RefusedScheda.class, e -> assertThat(e.violations())
				.containsExactly(new Violation("/ratings/0/reason", "reason-required")));

		List<Rating> explained = List.of(new Rating("DIFF", 2, "Valutazioni dei collaboratori tutte uguali"),
				new Rating("RIS", 4, null), new Rating("RIS-UM", 4, null), new Rating("COLL", 3, null));
		assertThat(Scheda.evaluate(ExamplePolicy.policy(), "x", RoleGroup.DIRIGENTE, d("1"), d("1"), explained)
			.behaviours()).isEqualByComparingTo("0.65");
	}

	@Test
	void everyWrongRatingIsNamed() {
		List<Rating> wrong = List.of(new Rating("DIFF", 6, null), new Rating("DIFF", 4, null),
				new Rating("NUOVO", 4, null));

		assertThatThrownBy(() -> Scheda.evaluate(ExamplePolicy.policy(), "x", RoleGroup.POSIZIONE_ORGANIZZATIVA,
				d("1"), d("1"), wrong))
			.isInstanceOfSatisfying(RefusedScheda.class, e -> assertThat(e.violations()).containsExactly(
					new Violation("/group", "no-weights-for-group"),
					new Violation("/ratings/0/level", "outside-scale"),
					new Violation("/ratings/1/behaviour", "duplicate"),
					new Violation("/ratings/2/behaviour", "unknown-behaviour"),
					new Violation("/ratings", "behaviour-not-rated:RIS"),
					new Violation("/ratings", "behaviour-not-rated:RIS-UM"),
					new Violation("/ratings", "behaviour-not-rated:COLL")));
	}

	@Test
	void aPolicyMustBeCoherentBeforeUse() {
		assertThat(ExamplePolicy.policy().violations()).isEmpty();
	}
}
