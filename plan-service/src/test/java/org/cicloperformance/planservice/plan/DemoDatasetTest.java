package org.cicloperformance.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;

/** The 2018 plan of the seed document is the first acceptance case: its figures, exactly. */
class DemoDatasetTest {

	private final PlanContent plan = PlanFixtures.demoPlan();

	@Test
	void theApprovedPlanIsValid() {
		assertThat(new PlanValidator().validate(plan)).isEmpty();
	}

	@Test
	void hasTheDocumentsStructure() {
		assertThat(plan.strategicAreas()).extracting(StrategicArea::code, a -> a.value().toPlainString())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("1", "33.33"),
					org.assertj.core.groups.Tuple.tuple("2", "33.33"),
					org.assertj.core.groups.Tuple.tuple("3", "33.34"));
		assertThat(plan.strategicAreas().stream().flatMap(a -> a.strategicObjectives().stream()))
			.extracting(StrategicObjective::code, o -> o.value().stripTrailingZeros().toPlainString())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("1.1", "33.33"),
					org.assertj.core.groups.Tuple.tuple("2.1", "23.33"), org.assertj.core.groups.Tuple.tuple("2.2", "10"),
					org.assertj.core.groups.Tuple.tuple("3.1", "33.34"));
		assertThat(plan.operationalObjectives()).hasSize(11);
		assertThat(plan.indicatorCount()).isEqualTo(37);
		assertThat(plan.managers()).extracting(Manager::id).containsExactlyInAnyOrder("ziletti", "dazzeo", "vairano");
	}

	@Test
	void signedByTheDocumentsSignatories() {
		assertThat(plan.signatories()).isEqualTo(new Signatories("Brescia", "Prof. Claudio Teodori",
				"Dr Massimo Ziletti", "Dr Giuseppe Ambrosi"));
	}

	@Test
	void managersWeightsAreTheDocuments() {
		Map<String, String> weights = plan.operationalObjectives()
			.collect(Collectors.toMap(OperationalObjective::code, o -> o.weight().stripTrailingZeros().toPlainString()));
		assertThat(weights).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("3.1.1", "40"),
				Map.entry("3.1.2", "40"), Map.entry("3.1.3", "20"), Map.entry("2.1.1", "20"), Map.entry("2.1.2", "30"),
				Map.entry("2.1.3", "20"), Map.entry("2.2.1", "30"), Map.entry("1.1.1", "30"), Map.entry("1.1.2", "30"),
				Map.entry("1.1.3", "15"), Map.entry("1.1.4", "25")));
		assertThat(plan.operationalObjective("2.1.1").orElseThrow().manager()).isEqualTo("dazzeo");
		assertThat(plan.operationalObjective("1.1.1").orElseThrow().manager()).isEqualTo("vairano");
		assertThat(plan.operationalObjective("3.1.2").orElseThrow().manager()).isEqualTo("ziletti");
	}

	@Test
	void keepsTheIncentiveBlockOf221() {
		var incentive = plan.operationalObjective("2.2.1").orElseThrow().incentive();
		assertThat(incentive.coefficient()).isEqualByComparingTo("5");
		assertThat(incentive.funds()).extracting(IncentiveFund::unitAmount, IncentiveFund::amount)
			.usingRecursiveFieldByFieldElementComparatorOnFields()
			.extracting(t -> ((BigDecimal) t.toList().get(0)).intValue() + "x" + ((BigDecimal) t.toList().get(1)).intValue())
			.containsExactly("3041x15205", "4228x21140");
	}

	@Test
	void theRevisionMakesAValidVersionTwoWith38Indicators() {
		var outcome = new RevisionApplier().apply(plan, PlanFixtures.demoRevision());

		assertThat(outcome.violations()).isEmpty();
		assertThat(new PlanValidator().validate(outcome.content())).isEmpty();
		assertThat(outcome.content().indicatorCount()).isEqualTo(38);
		var revised = outcome.content().operationalObjective("2.2.1").orElseThrow();
		assertThat(revised.indicators()).extracting(i -> i.code() + "=" + i.weight().stripTrailingZeros().toPlainString())
			.containsExactly("1=20", "2=10", "3=25", "4=20", "5=25");
		var indicator1 = outcome.content().operationalObjective("1.1.1").orElseThrow().indicator("1").orElseThrow();
		assertThat(indicator1.target("2018-12-31").orElseThrow().number()).isEqualByComparingTo("11");
		assertThat(indicator1.target("2018-06-30").orElseThrow().number()).isEqualByComparingTo("5");
	}

	@Test
	void targetsOfThe2018PlanAreTheDocuments() {
		var o213 = plan.operationalObjective("2.1.3").orElseThrow();
		assertThat(o213.indicator("3").orElseThrow().target("2018-06-30").orElseThrow().number())
			.isEqualByComparingTo("600");
		var o212 = plan.operationalObjective("2.1.2").orElseThrow();
		assertThat(o212.indicator("3").orElseThrow().target("2018-06-30").orElseThrow().number())
			.isEqualByComparingTo("30000");
		var o211 = plan.operationalObjective("2.1.1").orElseThrow();
		assertThat(o211.indicator("3").orElseThrow().target("2018-06-30").orElseThrow().number())
			.isEqualByComparingTo("75");
		assertThat(o211.indicator("2").orElseThrow().target("2018-06-30").orElseThrow().components())
			.containsEntry("istanze", new BigDecimal("6000"))
			.containsEntry("riunioni", new BigDecimal("6"));
		var o111 = plan.operationalObjective("1.1.1").orElseThrow();
		assertThat(o111.indicator("3").orElseThrow().target("2018-06-30")).isEmpty();
		assertThat(o111.indicator("5").orElseThrow().target("2018-06-30")).isEmpty();
	}
}
