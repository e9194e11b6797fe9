package org.cicloperformance.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class PlanValidatorTest {

	private static final String OBJ1 = "/strategicAreas/0/strategicObjectives/0/operationalObjectives/0";

	private static final String OBJ2 = "/strategicAreas/0/strategicObjectives/0/operationalObjectives/1";

	private final PlanValidator validator = new PlanValidator();

	@Test
	void acceptsTheGoldenSamplePlan() {
		assertThat(validator.validate(PlanFixtures.samplePlan())).isEmpty();
	}

	@Test
	void acceptsAPlanWithoutSignatories() {
		var plan = mutate(tree -> tree.remove("signatories"));
		assertThat(plan.signatories()).isNull();
		assertThat(validator.validate(plan)).isEmpty();
	}

	@Test
	void acceptsWeightsThatSumTo100WithinARoundingTolerance() {
		var plan = mutate(tree -> {
			var indicators = (ArrayNode) tree.at(OBJ2 + "/indicators");
			((ObjectNode) indicators.get(0)).put("weight", 33.33);
			((ObjectNode) indicators.get(1)).put("weight", 33.33);
			((ObjectNode) indicators.get(2)).put("weight", 33.34);
		});
		assertThat(validator.validate(plan)).isEmpty();
	}

	static Stream<Arguments> violations() {
		return Stream.of(
				row("strategic areas must sum to the entity value", "/strategicAreas/0/value", "90",
						"/strategicAreas", "sum.strategicAreas"),
				row("strategic objectives must sum to their area", "/strategicAreas/0/strategicObjectives/0/value",
						"99.98", "/strategicAreas/0/strategicObjectives", "sum.strategicObjectives"),
				row("indicator weights must sum to 100 beyond the tolerance", OBJ1 + "/indicators/0/weight", "25.02",
						OBJ1 + "/indicators", "sum.indicators"),
				row("a manager's objective weights must sum to 100", OBJ2 + "/weight", "45", OBJ1 + "/weight",
						"sum.managerWeights"),
				row("operational objective codes are unique", OBJ2 + "/code", "\"1.1.1\"", OBJ2 + "/code",
						"duplicate"),
				row("indicator codes are unique within an objective", OBJ1 + "/indicators/1/code", "\"1\"",
						OBJ1 + "/indicators/1/code", "duplicate"),
				row("manager ids are unique", "/managers/0", "MANAGER_DUPLICATE", "/managers/1/id", "duplicate"),
				row("an objective's manager must be a known one", OBJ1 + "/manager", "\"bianchi\"",
						OBJ1 + "/manager", "manager.unknown"),
				row("an objective's organisational area must be known", OBJ1 + "/organisationalArea", "\"XYZ\"",
						OBJ1 + "/organisationalArea", "organisationalArea.unknown"),
				row("every indicator needs a target at the final checkpoint", OBJ1 + "/indicators/3/targets",
						"[]", OBJ1 + "/indicators/3/targets", "target.finalMissing"),
				row("a target must name a known checkpoint", OBJ1 + "/indicators/0/targets/0/checkpoint",
						"\"2018-09-30\"", OBJ1 + "/indicators/0/targets/0/checkpoint", "checkpoint.unknown"),
				row("a count target needs a number", OBJ1 + "/indicators/0/targets/0/number", "null",
						OBJ1 + "/indicators/0/targets/0/number", "target.shape"),
				row("a yes/no target cannot be a number", OBJ2 + "/indicators/1/targets/0/number", "1",
						OBJ2 + "/indicators/1/targets/0/number", "target.extraneous"),
				row("a yes/no target needs yes", OBJ2 + "/indicators/1/targets/1/yes", "null",
						OBJ2 + "/indicators/1/targets/1/yes", "target.shape"),
				row("a percentage target stays within 100", OBJ1 + "/indicators/2/targets/0/number", "120",
						OBJ1 + "/indicators/2/targets/0/number", "percentage.range"),
				row("a count target is not negative", OBJ1 + "/indicators/0/targets/0/number", "-5",
						OBJ1 + "/indicators/0/targets/0/number", "notNegative"),
				row("a final compound target needs every component", OBJ1 + "/indicators/1/targets/1/components",
						"{\"posizioni\": 6000}", OBJ1 + "/indicators/1/targets/1/components", "components.mismatch"),
				row("a compound target names known components", OBJ1 + "/indicators/1/targets/0/components",
						"{\"posizioni\": 6000, \"corsi\": 2}", OBJ1 + "/indicators/1/targets/0/components/corsi",
						"component.unknown"),
				row("a milestone target names known milestones", OBJ2 + "/indicators/0/targets/0/milestones",
						"[\"M9\"]", OBJ2 + "/indicators/0/targets/0/milestones/0", "milestone.unknown"),
				row("a milestone target is not a number", OBJ2 + "/indicators/0/targets/0/milestones", "null",
						OBJ2 + "/indicators/0/targets/0/milestones", "target.shape"),
				row("a qualitative target states what is expected", OBJ2 + "/indicators/2/targets/0/text", "null",
						OBJ2 + "/indicators/2/targets/0/text", "target.shape"),
				row("an indicator needs a measure kind", OBJ1 + "/indicators/0/measureKind", "null",
						OBJ1 + "/indicators/0/measureKind", "required"),
				row("an indicator weight is positive", OBJ1 + "/indicators/0/weight", "0",
						OBJ1 + "/indicators/0/weight", "positive"),
				row("exactly one checkpoint is final", "/checkpoints/0/final", "true", "/checkpoints",
						"checkpoints.final"),
				row("checkpoint ids are unique", "/checkpoints/1/id", "\"2018-06-30\"", "/checkpoints/1/id",
						"duplicate"),
				row("contribution weights are given for all objectives or none", OBJ1 + "/contributionWeight", "50",
						"/strategicAreas/0/strategicObjectives/0/operationalObjectives", "contributionWeight.partial"),
				row("the policy floor is not above its cap", "/scoringPolicy/floor", "2", "/scoringPolicy/floor",
						"policy.floorAboveCap"),
				row("incentive bands are contiguous", "/scoringPolicy/incentiveBands/1/from", "0.6",
						"/scoringPolicy/incentiveBands/1/from", "policy.bandGap"),
				row("a signatory's name fits a signature line", "/signatories/oiv", "\"" + "x".repeat(201) + "\"",
						"/signatories/oiv", "text.tooLong"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("violations")
	void refuses(String rule, String pointer, String json, String expectedPointer, String expectedCode) {
		var plan = mutate(tree -> set(tree, pointer, json));

		assertThat(validator.validate(plan)).extracting(Violation::pointer, Violation::code)
			.contains(org.assertj.core.groups.Tuple.tuple(expectedPointer, expectedCode));
	}

	@Test
	void listsEveryViolationAtOnce() {
		var plan = mutate(tree -> {
			set(tree, "/strategicAreas/0/value", "90");
			set(tree, OBJ1 + "/manager", "\"bianchi\"");
			set(tree, OBJ1 + "/indicators/0/targets/0/number", "-1");
		});
		assertThat(validator.validate(plan)).extracting(Violation::code)
			.contains("sum.strategicAreas", "manager.unknown", "notNegative");
	}

	private static Arguments row(String rule, String pointer, String json, String expectedPointer, String code) {
		return Arguments.of(rule, pointer, json, expectedPointer, code);
	}

	private static PlanContent mutate(java.util.function.Consumer<ObjectNode> edit) {
		var tree = (ObjectNode) PlanFixtures.resource("/contract/plan-published.sample.json").get("plan");
		edit.accept(tree);
		return PlanFixtures.JSON.treeToValue(tree, PlanContent.class);
	}

	/** Sets the node at {@code pointer}; the special value MANAGER_DUPLICATE appends a copy of that manager. */
	private static void set(ObjectNode tree, String pointer, String json) {
		var path = JsonPointer.compile(pointer);
		JsonNode parent = tree.at(path.head());
		var last = path.last();
		if ("MANAGER_DUPLICATE".equals(json)) {
			((ArrayNode) tree.get("managers")).add(tree.at(pointer).deepCopy());
			return;
		}
		var value = PlanFixtures.JSON.readTree(json);
		if (parent instanceof ObjectNode object) {
			object.set(last.getMatchingProperty(), value);
		}
		else {
			((ArrayNode) parent).set(last.getMatchingIndex(), value);
		}
	}
}
