package org.cicloperformance.planservice.smvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.InputBounds;
import org.cicloperformance.planservice.plan.ScoringPolicy;
import org.cicloperformance.planservice.plan.Violation;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;

/** What an SMVP version must say, each refusal naming its field. */
class SmvpValidatorTest {

	static SmvpRequest demo() {
		return PlanFixtures.JSON.treeToValue(PlanFixtures.resource("/demo/smvp-2018.json"), SmvpRequest.class);
	}

	static SmvpRequest next(SmvpRequest base, int baseVersion, ScoringRules rules, LocalDate appliesFrom) {
		return new SmvpRequest(null, null, baseVersion, base.title(), rules, base.qualitativeScale(),
				new ApprovingAct("Deliberazione della Giunta camerale", "120", LocalDate.of(2018, 11, 20)), appliesFrom,
				"Pesi dei dirigenti nel calcolo degli obiettivi strategici", base.evaluation());
	}

	@Test
	void theDemoSmvpIsAValidFirstVersion() {
		assertThat(InputBounds.check(demo())).isEmpty();
		assertThat(SmvpValidator.first(demo())).isEmpty();
	}

	@Test
	void theDemoSmvpSetsExactlyThePolicyTheDemoPlanEmbeds() {
		var fromSmvp = demo().rules().withDefaults().policy("cciaa-brescia-2018", 1, demo().act());
		var embedded = PlanFixtures.demoPlan().scoringPolicy().withDefaults();

		assertThat(fromSmvp.smvpId()).isEqualTo("cciaa-brescia-2018");
		assertThat(fromSmvp.smvpVersion()).isEqualTo(1);
		assertThat(fromSmvp.version()).isEqualTo(1);
		assertThat(fromSmvp.rollUp()).isEqualTo(ScoringPolicy.RollUp.EQUAL);
		assertThat(fromSmvp.cap()).isEqualByComparingTo(embedded.cap());
		assertThat(fromSmvp.floor()).isEqualByComparingTo(embedded.floor());
		assertThat(fromSmvp.numericRule()).isEqualTo(embedded.numericRule());
		assertThat(fromSmvp.missingAtIntermediate()).isEqualTo(embedded.missingAtIntermediate());
		assertThat(fromSmvp.missingAtFinal()).isEqualTo(embedded.missingAtFinal());
		assertThat(fromSmvp.lateMilestoneCredit()).isEqualByComparingTo(embedded.lateMilestoneCredit());
		assertThat(fromSmvp.greenFrom()).isEqualByComparingTo(embedded.greenFrom());
		assertThat(fromSmvp.amberFrom()).isEqualByComparingTo(embedded.amberFrom());
		assertThat(fromSmvp.incentiveBands()).extracting(SmvpValidatorTest::band)
			.containsExactlyElementsOf(embedded.incentiveBands().stream().map(SmvpValidatorTest::band).toList());
	}

	private static String band(ScoringPolicy.IncentiveBand band) {
		return band.code() + " " + band.from().stripTrailingZeros().toPlainString() + "–"
				+ (band.to() == null ? "" : band.to().stripTrailingZeros().toPlainString()) + " " + band.payout();
	}

	@Test
	void theDemoActIsLabelledAsNotFromTheDocument() {
		assertThat(demo().act().number()).isEqualTo("esempio, non dal documento");
		assertThat(demo().qualitativeScale()).allSatisfy(level -> assertThat(level.descriptor())
			.contains("esempio, non dal documento"));
	}

	@Test
	void refusesBrokenRulesNamingEachField() {
		var rules = new ScoringRules(null, new BigDecimal("-1"), null, null, null, new BigDecimal("1.5"), null,
				new BigDecimal("0.4"), new BigDecimal("0.6"),
				List.of(new ScoringPolicy.IncentiveBand("LOW", BigDecimal.ZERO, new BigDecimal("0.5"),
						ScoringPolicy.Payout.NONE),
						new ScoringPolicy.IncentiveBand("OPEN", new BigDecimal("0.5"), null, ScoringPolicy.Payout.SCORE),
						new ScoringPolicy.IncentiveBand("LOW", new BigDecimal("0.8"), new BigDecimal("0.7"),
								ScoringPolicy.Payout.FULL)));
		var base = demo();
		var request = new SmvpRequest(base.entity(), base.year(), null, null, rules, base.qualitativeScale(),
				base.act(), null, null, null);

		assertThat(SmvpValidator.first(request)).extracting(Violation::pointer, Violation::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple("/rules/cap", "positive"),
				org.assertj.core.groups.Tuple.tuple("/rules/floor", "policy.floorAboveCap"),
				org.assertj.core.groups.Tuple.tuple("/rules/lateMilestoneCredit", "smvp.unitRange"),
				org.assertj.core.groups.Tuple.tuple("/rules/amberFrom", "policy.amberAboveGreen"),
				org.assertj.core.groups.Tuple.tuple("/rules/incentiveBands/1/to", "smvp.bandOpenNotLast"),
				org.assertj.core.groups.Tuple.tuple("/rules/incentiveBands/2/code", "duplicate"),
				org.assertj.core.groups.Tuple.tuple("/rules/incentiveBands/2/to", "smvp.bandEmpty"));
	}

	@Test
	void refusesAScaleWithoutItsDescriptorsFixedInAdvance() {
		var base = demo();
		var scale = List.of(new QualitativeLevel("A", BigDecimal.ZERO, "Non avviato", "Nulla"),
				new QualitativeLevel("B", new BigDecimal("0.0"), "Avviato", " "),
				new QualitativeLevel("A", new BigDecimal("120"), null, "Oltre"));
		var request = new SmvpRequest(base.entity(), base.year(), null, null, base.rules(), scale, base.act(), null,
				null, null);

		assertThat(SmvpValidator.first(request)).extracting(Violation::pointer, Violation::code).containsExactly(
				org.assertj.core.groups.Tuple.tuple("/qualitativeScale/1/assessment", "smvp.assessmentDuplicate"),
				org.assertj.core.groups.Tuple.tuple("/qualitativeScale/1/descriptor", "smvp.descriptorRequired"),
				org.assertj.core.groups.Tuple.tuple("/qualitativeScale/2/code", "duplicate"),
				org.assertj.core.groups.Tuple.tuple("/qualitativeScale/2/assessment", "smvp.assessmentRange"),
				org.assertj.core.groups.Tuple.tuple("/qualitativeScale/2/label", "required"));
	}

	@Test
	void aLaterVersionNamesItsBaseItsReasonAndTheCheckpointItAppliesFrom() {
		var base = demo();
		var incomplete = new SmvpRequest("altro-ente", 2019, null, null, base.rules(), base.qualitativeScale(),
				new ApprovingAct(null, " ", null), null, null, null);

		assertThat(SmvpValidator.next(incomplete, "cciaa-brescia", 2018)).extracting(Violation::pointer)
			.containsExactly("/entity", "/year", "/baseVersion", "/appliesFrom", "/reason", "/act/type",
					"/act/number", "/act/date");
		assertThat(SmvpValidator.next(next(base, 1, base.rules(), LocalDate.of(2017, 12, 31)), "cciaa-brescia",
				2018)).extracting(Violation::pointer, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("/appliesFrom", "smvp.appliesFromYear"));
		assertThat(SmvpValidator.next(next(base, 1, base.rules(), LocalDate.of(2018, 12, 31)), "cciaa-brescia",
				2018)).isEmpty();
	}

	@Test
	void theFirstVersionAppliesToEveryCheckpoint() {
		var base = demo();
		var request = new SmvpRequest(base.entity(), base.year(), 1, null, base.rules(), base.qualitativeScale(),
				base.act(), LocalDate.of(2018, 6, 30), null, null);

		assertThat(SmvpValidator.first(request)).extracting(Violation::pointer)
			.containsExactly("/baseVersion", "/appliesFrom");
	}
}
