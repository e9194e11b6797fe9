package org.cicloperformance.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bounds of every input, as a table: what passes, what is refused, and under which pointer. */
class InputBoundsTest {

	@Test
	void theDemoPlanAndRevisionAreWithinBounds() {
		assertThat(InputBounds.check(PlanFixtures.demoPlan())).isEmpty();
		assertThat(InputBounds.check(PlanFixtures.demoRevision())).isEmpty();
		assertThat(InputBounds.check(PlanFixtures.samplePlan())).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "1e12, ", "-1e12, ", "1000000000000.000000, ", "1.5000000000, ", "0.000001, ", "0, ",
			"1.000000000001e12, number.tooLarge", "1e1000000, number.tooLarge", "-1e1000000, number.tooLarge",
			"1e13, number.tooLarge", "0.0000001, number.scale", "1e-1000000, number.scale",
			"33.3333333, number.scale" })
	void numbersHaveAMagnitudeAndAScale(String number, String code) {
		var violations = InputBounds.check(new ApprovingActHolder(new BigDecimal(number)));

		if (code == null) {
			assertThat(violations).isEmpty();
		}
		else {
			assertThat(violations).extracting(Violation::pointer, Violation::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("/amount", code));
		}
	}

	@ParameterizedTest
	@CsvSource({ "0, ", "100, ", "33.33, ", "100.01, weight.range", "-1, weight.range", "1e1000000, number.tooLarge" })
	void weightsLieBetweenZeroAndHundred(String weight, String code) {
		var violations = InputBounds.check(new StrategicScope("Formazione", new BigDecimal(weight)));

		assertThat(violations).extracting(Violation::code)
			.isEqualTo(code == null ? List.of() : List.of(code));
	}

	@Test
	void longTextsKeepTabsAndLineBreaksButNoOtherControlCharacter() {
		assertThat(InputBounds.check(new EvidenceRequirement("1", "riga uno\n\triga due\r\n"))).isEmpty();

		assertThat(InputBounds.check(new EvidenceRequirement("1", "report\u0001")))
			.containsExactly(Violation.of("/description", "text.control", "U+0001", 7));
		assertThat(InputBounds.check(new EvidenceRequirement("1", "x\u007F")))
			.extracting(Violation::code).containsExactly("text.control");
	}

	@Test
	void codesAndNamesAdmitNoControlCharacterAtAll() {
		assertThat(InputBounds.check(new Manager("rossi\n", "Mario\tRossi", null, null)))
			.extracting(Violation::pointer, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("/id", "text.control"),
					org.assertj.core.groups.Tuple.tuple("/name", "text.control"));
	}

	@Test
	void textsHaveALengthByKind() {
		var code = "c".repeat(InputBounds.MAX_CODE_LENGTH);
		var name = "n".repeat(InputBounds.MAX_NAME_LENGTH);
		var text = "t".repeat(InputBounds.MAX_LONG_TEXT_LENGTH);
		assertThat(InputBounds.check(new Manager(code, name, null, null))).isEmpty();
		assertThat(InputBounds.check(new EvidenceRequirement(code, text))).isEmpty();

		assertThat(InputBounds.check(new Manager(code + "c", name + "n", null, null)))
			.containsExactly(Violation.of("/id", "text.tooLong", InputBounds.MAX_CODE_LENGTH),
					Violation.of("/name", "text.tooLong", InputBounds.MAX_NAME_LENGTH));
		assertThat(InputBounds.check(new EvidenceRequirement(code, text + "t")))
			.containsExactly(Violation.of("/description", "text.tooLong", InputBounds.MAX_LONG_TEXT_LENGTH));
	}

	@Test
	void pointersFollowTheJsonNamesIntoListsAndMaps() {
		var target = new Target("fine", null, null, List.of("m\u0002"), Map.of("a/b", new BigDecimal("1e20")), null);
		var change = new PlanChange(PlanChange.Type.TARGET_CHANGED, "1.1.1", "1", target, null, null, null);
		var revision = new Revision(1, "motivo", null, List.of("fine"), List.of(change), null);

		assertThat(InputBounds.check(revision)).extracting(Violation::pointer)
			.containsExactlyInAnyOrder("/changes/0/target/milestones/0", "/changes/0/target/components/a~1b");
	}

	@Test
	void listsAndWholePlansHaveASize() {
		var tooMany = Collections.nCopies(InputBounds.MAX_LIST_SIZE + 1, "fine");
		var revision = new Revision(1, "motivo", null, tooMany, List.of(), null);
		assertThat(InputBounds.check(revision)).containsExactly(Violation.of("/appliesTo", "list.tooLong",
				InputBounds.MAX_LIST_SIZE));

		var plan = PlanFixtures.samplePlan();
		var objective = plan.operationalObjectives().findFirst().orElseThrow();
		var indicators = Collections.nCopies(InputBounds.MAX_LIST_SIZE, objective.indicators().get(0));
		var objectives = Collections.nCopies(5, objective.withIndicators(indicators));
		var strategic = new StrategicObjective("1.1", "s", BigDecimal.ONE, objectives);
		var area = new StrategicArea("1", "a", BigDecimal.ONE, List.of(strategic));
		assertThat(InputBounds.check(plan.withStrategicAreas(List.of(area))))
			.containsExactly(Violation.of("", "plan.tooManyIndicators", 5 * InputBounds.MAX_LIST_SIZE,
					InputBounds.MAX_INDICATORS));
	}

	record ApprovingActHolder(BigDecimal amount) {
	}
}
