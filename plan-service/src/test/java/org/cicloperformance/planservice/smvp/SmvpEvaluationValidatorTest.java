package org.cicloperformance.planservice.smvp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cicloperformance.planservice.plan.EvaluationPolicy;
import org.cicloperformance.planservice.plan.InputBounds;
import org.cicloperformance.planservice.plan.Violation;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The evaluation policy of an SMVP version: each refusal names its field under /evaluation. */
class SmvpEvaluationValidatorTest {

	/** The demo's SMVP with its evaluation policy changed by {@code change}. */
	static SmvpRequest demoWith(Consumer<ObjectNode> change) {
		var tree = (ObjectNode) PlanFixtures.resource("/demo/smvp-2018.json");
		change.accept((ObjectNode) tree.get("evaluation"));
		return PlanFixtures.JSON.treeToValue(tree, SmvpRequest.class);
	}

	private static ObjectNode at(ObjectNode evaluation, String pointer) {
		return (ObjectNode) evaluation.at(pointer);
	}

	private static Arguments refusal(String what, Consumer<ObjectNode> change, String pointer, String code) {
		return Arguments.of(what, change, pointer, code);
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				refusal("no role group", e -> e.putObject("weights"), "/evaluation/weights", "required"),
				refusal("parts not summing to 1", e -> at(e, "/weights/DIRIGENTE").put("behaviours", 0.35),
						"/evaluation/weights/DIRIGENTE", "evaluation.partsSum"),
				refusal("a part missing", e -> at(e, "/weights/SEGRETARIO_GENERALE").remove("entityPerformance"),
						"/evaluation/weights/SEGRETARIO_GENERALE", "evaluation.partsRequired"),
				refusal("a part above 1", e -> at(e, "/weights/DIRIGENTE").put("ownObjectives", 1.2)
					.put("entityPerformance", 0).put("behaviours", 0),
						"/evaluation/weights/DIRIGENTE/ownObjectives", "smvp.unitRange"),
				refusal("no scale", e -> e.remove("scale"), "/evaluation/scale", "evaluation.scaleRequired"),
				refusal("scale upside down", e -> at(e, "/scale").put("lowest", 5).put("highest", 1),
						"/evaluation/scale", "evaluation.scale"),
				refusal("scale with too many levels", e -> at(e, "/scale").put("lowest", 0).put("highest", 100),
						"/evaluation/scale", "evaluation.scale"),
				refusal("reason level off the scale", e -> e.put("reasonRequiredBelow", 7),
						"/evaluation/reasonRequiredBelow", "evaluation.reasonLevel"),
				refusal("no reason level", e -> e.remove("reasonRequiredBelow"), "/evaluation/reasonRequiredBelow",
						"required"),
				refusal("behaviour weights not summing to 1", e -> at(e, "/behaviours/3").put("weight", 0.20),
						"/evaluation/behaviours", "evaluation.behaviourWeightsSum"),
				refusal("behaviour weight above 1", e -> at(e, "/behaviours/3").put("weight", 1.5),
						"/evaluation/behaviours/3/weight", "smvp.unitRange"),
				refusal("duplicate behaviour", e -> at(e, "/behaviours/1").put("code", "DIFF"),
						"/evaluation/behaviours/1/code", "duplicate"),
				refusal("behaviour code reporting cannot rate", e -> at(e, "/behaviours/1").put("code", "R I S"),
						"/evaluation/behaviours/1/code", "evaluation.code"),
				refusal("behaviour without a name", e -> at(e, "/behaviours/2").put("name", " "),
						"/evaluation/behaviours/2/name", "required"),
				refusal("descriptor missing", e -> at(e, "/behaviours/0/descriptors").remove("4"),
						"/evaluation/behaviours/0/descriptors/4", "evaluation.descriptorMissing"),
				refusal("descriptor outside the scale", e -> at(e, "/behaviours/2/descriptors").put("6", "Oltre"),
						"/evaluation/behaviours/2/descriptors/6", "evaluation.descriptorOutsideScale"),
				refusal("behaviours weigh but none listed", e -> e.putArray("behaviours"), "/evaluation/behaviours",
						"evaluation.behavioursRequired"),
				refusal("too many behaviours", SmvpEvaluationValidatorTest::fiftyOneBehaviours,
						"/evaluation/behaviours", "list.tooLong"),
				refusal("no band", e -> e.putArray("payBands"), "/evaluation/payBands", "required"),
				refusal("first band not from 0", e -> at(e, "/payBands/0").put("from", 0.1),
						"/evaluation/payBands/0/from", "evaluation.firstBandFromZero"),
				refusal("bands with a gap", e -> at(e, "/payBands/2").put("from", 0.85),
						"/evaluation/payBands/2/from", "policy.bandGap"),
				refusal("empty band", e -> {
					at(e, "/payBands/1").put("to", 0.60);
					at(e, "/payBands/2").put("from", 0.60);
				},
						"/evaluation/payBands/1/to", "smvp.bandEmpty"),
				refusal("open band not last", e -> at(e, "/payBands/2").putNull("to"), "/evaluation/payBands/2/to",
						"smvp.bandOpenNotLast"),
				refusal("last band closed", e -> at(e, "/payBands/3").put("to", 1), "/evaluation/payBands/3/to",
						"evaluation.lastBandOpen"),
				refusal("share falling as the total rises", e -> at(e, "/payBands/2").put("share", 0.70),
						"/evaluation/payBands/2/share", "evaluation.shareFalls"),
				refusal("share above 1", e -> at(e, "/payBands/3").put("share", 1.1), "/evaluation/payBands/3/share",
						"smvp.unitRange"),
				refusal("band without its share", e -> at(e, "/payBands/1").remove("share"), "/evaluation/payBands/1",
						"evaluation.band"),
				refusal("duplicate band", e -> at(e, "/payBands/1").put("code", "SOTTO_SOGLIA"),
						"/evaluation/payBands/1/code", "duplicate"),
				refusal("no differentiation rule", e -> e.remove("differentiation"), "/evaluation/differentiation",
						"required"),
				refusal("premium above 100%", e -> at(e, "/differentiation").put("premium", 1.5),
						"/evaluation/differentiation/premium", "smvp.unitRange"),
				refusal("premium negative", e -> at(e, "/differentiation").put("premium", -0.3),
						"/evaluation/differentiation/premium", "smvp.unitRange"),
				refusal("quota zero", e -> at(e, "/differentiation").put("quota", 0),
						"/evaluation/differentiation/quota", "evaluation.quotaRange"),
				refusal("quota above 100%", e -> at(e, "/differentiation").put("quota", 1.34),
						"/evaluation/differentiation/quota", "evaluation.quotaRange"));
	}

	private static void fiftyOneBehaviours(ObjectNode evaluation) {
		var behaviours = (ArrayNode) evaluation.get("behaviours");
		for (int i = 0; behaviours.size() <= EvaluationValidator.MAX_BEHAVIOURS; i++) {
			behaviours.add(((ObjectNode) behaviours.get(0).deepCopy()).put("code", "B" + i));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void refusesNamingTheField(String what, Consumer<ObjectNode> change, String pointer, String code) {
		var request = demoWith(change);

		assertThat(InputBounds.check(request)).isEmpty();
		assertThat(SmvpValidator.first(request)).extracting(Violation::pointer, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(pointer, code));
	}

	@Test
	void theDemoPolicyIsValidAndLabelledAsAnExample() {
		var demo = demoWith(e -> {
		});

		assertThat(SmvpValidator.first(demo)).isEmpty();
		assertThat(demo.evaluation().note()).startsWith("ESEMPIO, non dal documento");
		assertThat(demo.evaluation().differentiation().premium()).isEqualByComparingTo("0.30");
		assertThat(demo.evaluation().differentiation().quota()).isEqualByComparingTo("0.34");
		assertThat(demo.evaluation().weights()).containsOnlyKeys(EvaluationPolicy.RoleGroup.DIRIGENTE,
				EvaluationPolicy.RoleGroup.SEGRETARIO_GENERALE);
		assertThat(demo.evaluation().payBands()).extracting(EvaluationPolicy.PayBand::code)
			.containsExactly("SOTTO_SOGLIA", "BASE", "BUONA", "ECCELLENTE");
	}

	@Test
	void theContractSampleCarriesAPolicyTheseRulesAccept() {
		var sample = PlanFixtures.resource("/contract/plan-revised-smvp.sample.json")
			.at("/plan/scoringPolicy/evaluation");
		var policy = PlanFixtures.JSON.treeToValue(sample, EvaluationPolicy.class);
		var out = new java.util.ArrayList<Violation>();

		EvaluationValidator.check(policy, out);

		assertThat(policy.behaviours()).hasSize(2);
		assertThat(out).isEmpty();
	}

	@Test
	void aVersionWithoutAnEvaluationPolicyIsValid() {
		var tree = (ObjectNode) PlanFixtures.resource("/demo/smvp-2018.json");
		tree.remove("evaluation");
		var request = PlanFixtures.JSON.treeToValue(tree, SmvpRequest.class);

		assertThat(request.evaluation()).isNull();
		assertThat(SmvpValidator.first(request)).isEmpty();
	}

	@Test
	void theVersionSetsItsEvaluationPolicyInThePlansScoringPolicy() {
		var demo = demoWith(e -> {
		});
		var version = new SmvpVersion("cciaa-brescia-2018#1", "cciaa-brescia-2018", "cciaa-brescia", 2018, 1,
				demo.title(), demo.rules().withDefaults(), demo.qualitativeScale(), demo.act(), null, null, null,
				"pianificazione", demo.evaluation());

		assertThat(version.policy().evaluation()).isEqualTo(demo.evaluation());
		assertThat(version.policy().evaluation().scale().highest()).isEqualTo(5);
		assertThat(version.policy().smvpVersion()).isEqualTo(1);
	}
}
