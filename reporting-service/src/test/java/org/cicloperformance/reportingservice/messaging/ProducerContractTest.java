package org.cicloperformance.reportingservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanMapper;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.engine.Policy;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;

/** This consumer's tolerant records read the producers' golden samples (from the sibling modules). */
class ProducerContractTest {

	/** The shape documented in docs/architecture.md, used while monitoring-service has not published its sample. */
	static final String RESULT_RECORDED_AS_DOCUMENTED = """
			{ "type": "ResultRecorded", "eventId": "6a1f3c1e-0000-4000-8000-000000000001",
			  "planId": "cciaa-brescia-2018", "planVersion": 1,
			  "entity": "cciaa-brescia", "objective": "2.1.1", "indicator": "2", "checkpoint": "2018-06-30",
			  "resultVersion": 1,
			  "value": { "number": null, "yes": null, "delivered": null, "assessment": null, "justification": null,
			             "components": { "posizioni": 2799, "riunioni": 3 }, "text": "Esame 2.799 posizioni e 3 riunioni" },
			  "deviation": { "number": null, "components": { "posizioni": -3201, "riunioni": -3 },
			                 "missedMilestones": null, "text": "-3.201 posizioni e -3 riunioni" },
			  "commentary": "...", "evidence": ["..."], "reportedBy": "ufficio-ri", "reason": null,
			  "recordedAt": "2018-07-10T08:00:00Z" }
			""";

	@Test
	void readsThePlanPublishedGoldenSample() {
		PlanEvent event = Seed.JSON.readValue(Seed.read(Seed.PLAN_CONTRACTS.resolve("plan-published.sample.json")),
				PlanEvent.class);

		assertThat(event.type()).isEqualTo("PlanPublished");
		assertThat(event.version()).isEqualTo(1);
		ScoringPlan plan = PlanMapper.toScoringPlan(event.planId(), event.version(), event.plan());
		assertThat(plan.objectives()).extracting(ScoringPlan.Objective::code).containsExactly("1.1.1", "1.1.2");
		assertThat(plan.checkpoint("2018-12-31").orElseThrow().isFinal()).isTrue();
		assertThat(plan.objectives().get(1).incentive().funds()).extracting(ScoringPlan.Fund::amount)
				.usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
				.containsExactly(new BigDecimal("15205"), new BigDecimal("21140"));
	}

	@Test
	void readsThePlanRevisedGoldenSample() {
		Path sample = Seed.PLAN_CONTRACTS.resolve("plan-revised.sample.json");
		PlanEvent event = Seed.JSON.readValue(Seed.read(sample), PlanEvent.class);

		assertThat(event.type()).isEqualTo("PlanRevised");
		assertThat(event.version()).isGreaterThan(1);
		assertThat(event.appliesTo()).isNotEmpty();
		assertThat(PlanMapper.toScoringPlan(event.planId(), event.version(), event.plan()).objectives()).isNotEmpty();
		// the dashboard shows which changes of the revision touched an indicator, and by which act
		assertThat(event.revision().baseVersion()).isEqualTo(event.version() - 1);
		assertThat(event.revision().act().date()).isNotNull();
		assertThat(event.revision().changes()).isNotEmpty()
				.allSatisfy(change -> assertThat(change.type()).isNotBlank());
	}

	@Test
	void readsWhichSmvpVersionSetThePolicy() {
		PlanEvent published = Seed.JSON.readValue(Seed.read(Seed.PLAN_CONTRACTS.resolve("plan-published.sample.json")),
				PlanEvent.class);
		PlanEvent applied = Seed.JSON.readValue(
				Seed.read(Seed.PLAN_CONTRACTS.resolve("plan-revised-smvp.sample.json")), PlanEvent.class);

		assertThat(PlanMapper.toScoringPlan(published.planId(), 1, published.plan()).policy())
				.extracting(p -> p.smvpId(), p -> p.smvpVersion(), p -> p.rollUp())
				.containsExactly("cciaa-esempio-2018", 1, Policy.RollUpWeights.EQUAL);
		ScoringPlan plan = PlanMapper.toScoringPlan(applied.planId(), applied.version(), applied.plan());
		assertThat(plan.policy()).extracting(p -> p.smvpId(), p -> p.smvpVersion(), p -> p.version(), p -> p.rollUp())
				.containsExactly("cciaa-esempio-2018", 2, 2, Policy.RollUpWeights.BY_MANAGER_WEIGHT);
		assertThat(applied.appliesTo()).containsExactly("2018-12-31");
		assertThat(applied.plan().scoringPolicy().smvpAct().number()).isEqualTo("120");
		assertThat(applied.revision().changes()).extracting(PlanEvent.Change::type)
				.containsExactly("SCORING_POLICY_CHANGED");
	}

	@Test
	void readsTheEvaluationPolicyOfTheSmvpVersionAndToleratesItsAbsence() {
		PlanEvent published = Seed.JSON.readValue(Seed.read(Seed.PLAN_CONTRACTS.resolve("plan-published.sample.json")),
				PlanEvent.class);
		PlanEvent applied = Seed.JSON.readValue(
				Seed.read(Seed.PLAN_CONTRACTS.resolve("plan-revised-smvp.sample.json")), PlanEvent.class);

		assertThat(published.plan().scoringPolicy().evaluation()).isNull();
		PlanEvent.Evaluation evaluation = applied.plan().scoringPolicy().evaluation();
		assertThat(evaluation.weights()).containsKeys("DIRIGENTE", "SEGRETARIO_GENERALE");
		assertThat(evaluation.weights().get("DIRIGENTE").ownObjectives()).isEqualByComparingTo("0.60");
		assertThat(evaluation.scale().lowest()).isEqualTo(1);
		assertThat(evaluation.scale().highest()).isEqualTo(5);
		assertThat(evaluation.behaviours()).extracting(PlanEvent.Evaluation.Behaviour::code)
				.containsExactly("DIFF", "RIS");
		assertThat(evaluation.behaviours().get(1).descriptors()).containsEntry("1", "Inadeguato");
		assertThat(evaluation.reasonRequiredBelow()).isEqualTo(3);
		assertThat(evaluation.payBands()).extracting(PlanEvent.Evaluation.PayBand::code)
				.containsExactly("SOTTO_SOGLIA", "BASE", "ECCELLENTE");
		assertThat(evaluation.payBands().get(2).to()).isNull();
		assertThat(evaluation.differentiation().premium()).isEqualByComparingTo("0.30");
		assertThat(evaluation.differentiation().quota()).isEqualByComparingTo("0.25");
	}

	@Test
	void readsTheResultRecordedGoldenSampleOrTheDocumentedShape() {
		Path sample = Seed.RESULT_CONTRACTS.resolve("result-recorded.sample.json");
		String json = Files.exists(sample) ? Seed.read(sample) : RESULT_RECORDED_AS_DOCUMENTED;

		ResultEvent event = Seed.JSON.readValue(json, ResultEvent.class);

		assertThat(event.type()).isEqualTo("ResultRecorded");
		assertThat(event.planId()).isNotBlank();
		assertThat(event.objective()).isNotBlank();
		assertThat(event.indicator()).isNotBlank();
		assertThat(event.checkpoint()).isNotBlank();
		assertThat(event.resultVersion()).isPositive();
		assertThat(event.value()).isNotNull();
		assertThat(event.recordedAt()).isNotNull();
		// not scored, shown by the dashboard
		assertThat(event.deviation().components()).isNotEmpty();
		assertThat(event.commentary()).isNotBlank();
		assertThat(event.evidence()).isNotEmpty();
		if (Files.exists(sample)) {
			// issue 15: the office's category of the deviation's cause, kept for the Relazione
			assertThat(event.deviationCause()).isEqualTo("INTERNAL");
		}
	}

	@Test
	void readsAResultRecordedWithoutADeviationCause() {
		ResultEvent event = Seed.JSON.readValue(RESULT_RECORDED_AS_DOCUMENTED, ResultEvent.class);

		assertThat(event.deviationCause()).isNull();
		assertThat(event.commentary()).isNotBlank();
	}
}
