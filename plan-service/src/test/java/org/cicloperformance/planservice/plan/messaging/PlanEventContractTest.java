package org.cicloperformance.planservice.plan.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.OutboxEntry;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanStatus;
import org.cicloperformance.planservice.plan.PlanVersion;
import org.cicloperformance.planservice.plan.PlanValidator;
import org.cicloperformance.planservice.support.Contracts;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** plan-service owns the plan-events contract: samples and real events must both honour the schema. */
class PlanEventContractTest {

	@ParameterizedTest
	@ValueSource(strings = { "plan-published.sample.json", "plan-revised.sample.json", "plan-revised-smvp.sample.json" })
	void goldenSamplesHonourTheSchema(String sample) {
		assertThat(Contracts.violations(Contracts.sample(sample))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "plan-published.sample.json", "plan-revised.sample.json", "plan-revised-smvp.sample.json" })
	void goldenSamplesCarryAValidPlan(String sample) {
		var plan = PlanFixtures.JSON.treeToValue(PlanFixtures.JSON.readTree(Contracts.sample(sample)).get("plan"),
				org.cicloperformance.planservice.plan.PlanContent.class);
		assertThat(new PlanValidator().validate(plan)).isEmpty();
	}

	@Test
	void theSchemaRefusesAnEventWithoutItsPlan() {
		var event = (ObjectNode) PlanFixtures.JSON.readTree(Contracts.sample("plan-published.sample.json"));
		event.remove("plan");
		assertThat(Contracts.violations(event.toString())).isNotEmpty();
	}

	@Test
	void theSchemaRefusesARevisedEventWithoutItsRevision() {
		var event = (ObjectNode) PlanFixtures.JSON.readTree(Contracts.sample("plan-revised.sample.json"));
		event.putNull("revision");
		assertThat(Contracts.violations(event.toString())).isNotEmpty();
	}

	@Test
	void theSmvpSampleCarriesTheEvaluationPolicyOfItsSmvpVersionAndMayOmitIt() {
		var event = (ObjectNode) PlanFixtures.JSON.readTree(Contracts.sample("plan-revised-smvp.sample.json"));
		var policy = (ObjectNode) event.at("/plan/scoringPolicy");

		assertThat(policy.at("/evaluation/differentiation/quota").decimalValue()).isEqualByComparingTo("0.25");
		policy.putNull("evaluation");
		assertThat(Contracts.violations(event.toString())).isEmpty();
		policy.remove("evaluation");
		assertThat(Contracts.violations(event.toString())).isEmpty();
	}

	@Test
	void theSchemaRefusesAnEvaluationPolicyWithAnUnknownRoleGroupOrWithoutItsBands() {
		var event = (ObjectNode) PlanFixtures.JSON.readTree(Contracts.sample("plan-revised-smvp.sample.json"));
		var evaluation = (ObjectNode) event.at("/plan/scoringPolicy/evaluation");
		((ObjectNode) evaluation.get("weights")).set("QUADRO", evaluation.at("/weights/DIRIGENTE").deepCopy());
		assertThat(Contracts.violations(event.toString())).isNotEmpty();

		((ObjectNode) evaluation.get("weights")).remove("QUADRO");
		evaluation.remove("payBands");
		assertThat(Contracts.violations(event.toString())).isNotEmpty();
	}

	@Test
	void theEventsThePlanServiceBuildsWithAnEvaluationPolicyHonourTheSchema() {
		var sample = PlanFixtures.JSON.readTree(Contracts.sample("plan-revised-smvp.sample.json"));
		var evaluation = PlanFixtures.JSON.treeToValue(sample.at("/plan/scoringPolicy/evaluation"),
				org.cicloperformance.planservice.plan.EvaluationPolicy.class);
		var content = PlanFixtures.samplePlan();
		content = content.withScoringPolicy(content.scoringPolicy().withEvaluation(evaluation));
		var now = Instant.parse("2018-11-20T10:00:00Z");
		var v1 = new PlanVersion(1, content, List.of("2018-06-30", "2018-12-31"),
				new ApprovingAct("Deliberazione", "1", java.time.LocalDate.of(2018, 1, 31)), null, now, "pianificazione");
		var published = new OutboxEntry("0b9d6c52-6a52-4d55-9a43-0c1f3f0e8a12", OutboxEntry.PLAN_PUBLISHED, 1, now);
		var plan = new Plan("cciaa-esempio-2018", "cciaa-esempio", 2018, PlanStatus.APPROVED, 2, null, List.of(v1),
				List.of(published), now, "pianificazione", now, "pianificazione");

		var json = PlanFixtures.JSON.readTree(PlanFixtures.JSON.writeValueAsString(PlanEvents.of(plan, published)));

		assertThat(Contracts.violations(json.toString())).isEmpty();
		assertThat(json.at("/plan/scoringPolicy/evaluation/behaviours/0/descriptors/5").asString())
			.isEqualTo("Eccellente");
		assertThat(json.at("/plan/scoringPolicy/evaluation/weights/DIRIGENTE/behaviours").decimalValue())
			.isEqualByComparingTo("0.30");
	}

	@Test
	void theEventsThePlanServiceBuildsHonourTheSchema() {
		var sample = PlanFixtures.JSON.readTree(Contracts.sample("plan-revised.sample.json"));
		var content = PlanFixtures.samplePlan();
		var revision = PlanFixtures.JSON.treeToValue(sample.get("revision"),
				org.cicloperformance.planservice.plan.Revision.class);
		var now = Instant.parse("2018-09-17T10:00:00Z");
		var v1 = new PlanVersion(1, content, List.of("2018-06-30", "2018-12-31"),
				new ApprovingAct("Deliberazione", "1", java.time.LocalDate.of(2018, 1, 31)), null, now, "pianificazione");
		var v2 = new PlanVersion(2, content, List.of("2018-12-31"), revision.act(), revision, now, "pianificazione");
		var published = new OutboxEntry("0b9d6c52-6a52-4d55-9a43-0c1f3f0e8a11", OutboxEntry.PLAN_PUBLISHED, 1, now);
		var revised = new OutboxEntry("5f0c2f7e-2a43-4f0e-b2f5-6d1c9a1e7b22", OutboxEntry.PLAN_REVISED, 2, now);
		var plan = new Plan("cciaa-esempio-2018", "cciaa-esempio", 2018, PlanStatus.APPROVED, 3, null, List.of(v1, v2),
				List.of(published, revised), now, "pianificazione", now, "pianificazione");

		for (var entry : plan.outbox()) {
			var json = PlanFixtures.JSON.writeValueAsString(PlanEvents.of(plan, entry));
			assertThat(Contracts.violations(json)).as(entry.type()).isEmpty();
		}
	}
}
