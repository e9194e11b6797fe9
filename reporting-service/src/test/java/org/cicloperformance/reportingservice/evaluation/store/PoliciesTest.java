package org.cicloperformance.reportingservice.evaluation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.function.Consumer;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evaluation policy of a plan's schede: its SMVP version's when the plan events carry one, otherwise the
 * configured file (the fallback, labelled so); a scheda keeps the policy it was made under.
 */
class PoliciesTest extends IntegrationTest {

	@Autowired
	Policies policies;

	@Autowired
	PlanVersions plans;

	/** The SMVP golden sample's event as version {@code version} of {@code planId}, changed by {@code change}. */
	private void store(String planId, String sample, int version, Consumer<ObjectNode> change) {
		ObjectNode event = (ObjectNode) Seed.JSON.readTree(Seed.read(Seed.PLAN_CONTRACTS.resolve(sample)));
		event.put("planId", planId);
		event.put("version", version);
		change.accept((ObjectNode) event.at("/plan/scoringPolicy"));
		plans.store(Seed.JSON.treeToValue(event, PlanEvent.class));
	}

	@Test
	void aPlanWhoseSmvpVersionSetsAPolicyHasItsSchedeMadeUnderIt() {
		store("policies-smvp", "plan-revised-smvp.sample.json", 1, p -> {
		});

		Policies.InForce inForce = policies.forPlan("policies-smvp", 1);

		assertThat(inForce.fromSmvp()).isTrue();
		assertThat(inForce.smvpId()).isEqualTo("cciaa-esempio-2018");
		assertThat(inForce.smvpVersion()).isEqualTo(2);
		assertThat(inForce.source()).startsWith("SMVP cciaa-esempio-2018 v2 — Esempio");
		assertThat(inForce.policy().violations()).isEmpty();
		assertThat(inForce.policy().differentiation().quota()).isEqualByComparingTo("0.25");
		assertThat(inForce.policy().behaviours()).extracting(EvaluationPolicy.Behaviour::code)
			.containsExactly("DIFF", "RIS");
		assertThat(inForce.policy().behaviours().get(0).descriptors()).containsEntry(5, "Eccellente");
		assertThat(inForce.policy().weights().get(RoleGroup.DIRIGENTE).behaviours()).isEqualByComparingTo("0.30");
		assertThat(policies.of("policies-smvp", inForce.source())).isEqualTo(inForce);
	}

	@Test
	void aPlanWhoseSmvpSetsNoPolicyFallsBackToTheConfiguredFileLabelledAsSuch() {
		store("policies-fallback", "plan-published.sample.json", 1, p -> {
		});

		Policies.InForce inForce = policies.forPlan("policies-fallback", 1);

		assertThat(inForce.fromSmvp()).isFalse();
		assertThat(inForce.policy()).isSameAs(policies.policy());
		assertThat(inForce.source()).isEqualTo(policies.source())
			.startsWith("classpath:evaluation/politica-valutazione-esempio.json")
			.contains("file di configurazione");
		assertThat(policies.forPlan("policies-not-received", 1).source()).isEqualTo(policies.source());
		// schede made before SMVPs set policies recorded the file's location alone
		assertThat(policies.of("policies-fallback", "classpath:evaluation/politica-valutazione-esempio.json"))
			.isEqualTo(policies.fallback());
	}

	@Test
	void aSchedaKeepsThePolicyOfItsSmvpVersionWhenALaterVersionChangesIt() {
		store("policies-versions", "plan-revised-smvp.sample.json", 1, p -> {
		});
		store("policies-versions", "plan-revised-smvp.sample.json", 2, p -> {
			p.put("smvpVersion", 3).put("version", 3);
			((ObjectNode) p.at("/evaluation/differentiation")).put("quota", 0.50);
		});
		String recorded = policies.forPlan("policies-versions", 1).source();

		assertThat(policies.forPlan("policies-versions", 2).policy().differentiation().quota())
			.isEqualByComparingTo("0.50");
		assertThat(policies.of("policies-versions", recorded).policy().differentiation().quota())
			.isEqualByComparingTo("0.25");
		assertThatThrownBy(() -> policies.of("policies-versions", "SMVP cciaa-esempio-2018 v9"))
			.isInstanceOfSatisfying(SchedaRefused.class, e -> assertThat(e.violations())
				.extracting(EvaluationPolicy.Violation::reason).containsExactly("smvp-policy-unknown"));
	}

	@Test
	void anIncoherentSmvpPolicyRefusesTheSchedeRatherThanFallingBack() {
		store("policies-incoherent", "plan-revised-smvp.sample.json", 1,
				p -> ((ObjectNode) p.at("/evaluation/weights/DIRIGENTE")).put("behaviours", 0.5));
		store("policies-incomplete", "plan-revised-smvp.sample.json", 1,
				p -> ((ObjectNode) p.get("evaluation")).remove("differentiation"));

		for (String planId : new String[] { "policies-incoherent", "policies-incomplete" }) {
			assertThatThrownBy(() -> policies.forPlan(planId, 1)).as(planId)
				.isInstanceOfSatisfying(SchedaRefused.class, e -> assertThat(e.violations())
					.extracting(EvaluationPolicy.Violation::reason).containsExactly("smvp-policy-invalid"));
		}
	}

	@Test
	void anUnknownRoleGroupOrLevelIsLeftOutNotAnError() {
		store("policies-tolerant", "plan-revised-smvp.sample.json", 1, p -> {
			ObjectNode weights = (ObjectNode) p.at("/evaluation/weights");
			weights.set("QUADRO", weights.get("DIRIGENTE").deepCopy());
			((ObjectNode) p.at("/evaluation/behaviours/0/descriptors")).put("molto", "Oltre la scala");
		});

		EvaluationPolicy policy = policies.forPlan("policies-tolerant", 1).policy();

		assertThat(policy.weights()).containsOnlyKeys(RoleGroup.DIRIGENTE, RoleGroup.SEGRETARIO_GENERALE);
		assertThat(policy.behaviours().get(0).descriptors()).containsOnlyKeys(1, 2, 3, 4, 5);
	}

	/** The 2018 demo's SMVP sets the very policy of the example file, so no demo figure moves. */
	@Test
	void theDemoSmvpSetsThePolicyOfTheExampleFile() {
		var demo = Seed.JSON.readTree(Seed.read(Seed.DEMO.resolve("smvp-2018.json"))).get("evaluation");
		EvaluationPolicy fromSmvp = SmvpPolicies.toPolicy(Seed.JSON.treeToValue(demo, PlanEvent.Evaluation.class));

		assertThat(demo.path("note").asString()).startsWith("ESEMPIO, non dal documento");
		assertThat(fromSmvp).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(policies.policy());
	}
}
