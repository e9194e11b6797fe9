package org.cicloperformance.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;

/** Which plan versions an SMVP version calls for: only the checkpoints it applies to are scored anew. */
class PolicyAlignmentTest {

	private static final Instant NOW = Instant.parse("2018-11-20T10:00:00Z");

	private static final ApprovingAct ADOPTION = new ApprovingAct("Deliberazione", "1", LocalDate.of(2018, 1, 15));

	private static final ApprovingAct UPDATE = new ApprovingAct("Deliberazione", "120", LocalDate.of(2018, 11, 20));

	private static ScoringPolicies.Adopted smvp(int number, ScoringPolicy.RollUp rollUp, LocalDate appliesFrom) {
		var rules = new ScoringPolicy(null, null, null, null, null, null, null, null, null, null, rollUp, null, null,
				null, null);
		var act = number == 1 ? ADOPTION : UPDATE;
		return new ScoringPolicies.Adopted(rules.fromSmvp("cciaa-brescia-2018", number, act), act,
				appliesFrom);
	}

	private static final ScoringPolicies.Adopted V1 = smvp(1, ScoringPolicy.RollUp.EQUAL, null);

	/** The demo: version 1 approved on SMVP version 1, then the mid-year revision applying to 31/12. */
	private static List<PlanVersion> demoVersions() {
		var content = PolicyAlignment.resolved(PlanFixtures.demoPlan(), List.of("2018-06-30", "2018-12-31"),
				List.of(V1));
		var v1 = new PlanVersion(1, content, List.of("2018-06-30", "2018-12-31"), ADOPTION, null, NOW, "p");
		var revision = PlanFixtures.demoRevision();
		var revised = new RevisionApplier().apply(content, revision).content();
		var v2 = new PlanVersion(2, revised, List.of("2018-12-31"), revision.act(), revision, NOW, "p");
		return List.of(v1, v2);
	}

	@Test
	void aPlanOnItsSmvpsCurrentVersionNeedsNothing() {
		assertThat(demoVersions().get(0).content().scoringPolicy().smvpVersion()).isEqualTo(1);
		assertThat(PolicyAlignment.missing(demoVersions(), List.of(V1), NOW, "p")).isEmpty();
	}

	@Test
	void aPlanWithoutAnSmvpKeepsItsOwnPolicy() {
		assertThat(PolicyAlignment.missing(demoVersions(), List.of(), NOW, "p")).isEmpty();
		var own = PolicyAlignment.resolved(PlanFixtures.demoPlan(), List.of("2018-06-30"), List.of());
		assertThat(own.scoringPolicy().smvpId()).isNull();
		assertThat(own.scoringPolicy().cap()).isEqualByComparingTo("1.0");
	}

	@Test
	void aVersionApplyingFromTheFinalCheckpointAddsOnePlanVersionForThatCheckpointOnly() {
		var v2 = smvp(2, ScoringPolicy.RollUp.BY_MANAGER_WEIGHT, LocalDate.of(2018, 12, 31));

		var added = PolicyAlignment.missing(demoVersions(), List.of(V1, v2), NOW, "p");

		assertThat(added).hasSize(1);
		var v3 = added.get(0);
		assertThat(v3.number()).isEqualTo(3);
		assertThat(v3.appliesTo()).containsExactly("2018-12-31");
		assertThat(v3.content().scoringPolicy().rollUp()).isEqualTo(ScoringPolicy.RollUp.BY_MANAGER_WEIGHT);
		assertThat(v3.content().scoringPolicy().smvpVersion()).isEqualTo(2);
		assertThat(v3.content().scoringPolicy().version()).isEqualTo(2);
		assertThat(v3.content().withScoringPolicy(null))
			.isEqualTo(demoVersions().get(1).content().withScoringPolicy(null));
		assertThat(v3.act()).isEqualTo(UPDATE);
		assertThat(v3.revision().baseVersion()).isEqualTo(2);
		assertThat(v3.revision().changes()).extracting(PlanChange::type)
			.containsExactly(PlanChange.Type.SCORING_POLICY_CHANGED);
	}

	@Test
	void aVersionApplyingFromMidYearAddsOneVersionPerPlanVersionInForceKeepingEachContent() {
		var v2 = smvp(2, ScoringPolicy.RollUp.BY_MANAGER_WEIGHT, LocalDate.of(2018, 6, 30));

		var added = PolicyAlignment.missing(demoVersions(), List.of(V1, v2), NOW, "p");

		assertThat(added).extracting(PlanVersion::number, PlanVersion::appliesTo).containsExactly(
				org.assertj.core.groups.Tuple.tuple(3, List.of("2018-06-30")),
				org.assertj.core.groups.Tuple.tuple(4, List.of("2018-12-31")));
		assertThat(added.get(0).revision().baseVersion()).isEqualTo(1);
		assertThat(added.get(1).revision().baseVersion()).isEqualTo(2);
		// the last version added carries the latest content: the next revision starts from it
		assertThat(added.get(1).content().withScoringPolicy(null))
			.isEqualTo(demoVersions().get(1).content().withScoringPolicy(null));
	}

	@Test
	void aPlanApprovedBeforeItsEntityAdoptedAnSmvpTakesItForEveryCheckpoint() {
		var own = demoVersions().stream()
			.map(v -> new PlanVersion(v.number(), v.content().withScoringPolicy(ScoringPolicy.defaults()), v.appliesTo(),
					v.act(), v.revision(), v.approvedAt(), v.approvedBy()))
			.toList();

		var added = PolicyAlignment.missing(own, List.of(V1), NOW, "p");

		assertThat(added).extracting(PlanVersion::number, PlanVersion::appliesTo, v -> v.revision().baseVersion())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, List.of("2018-06-30"), 1),
					org.assertj.core.groups.Tuple.tuple(4, List.of("2018-12-31"), 2));
		assertThat(added).allSatisfy(v -> assertThat(v.content().scoringPolicy().smvpVersion()).isEqualTo(1));
	}

	@Test
	void onceAlignedNothingMoreIsNeeded() {
		var v2 = smvp(2, ScoringPolicy.RollUp.BY_MANAGER_WEIGHT, LocalDate.of(2018, 12, 31));
		var versions = new ArrayList<>(demoVersions());
		versions.addAll(PolicyAlignment.missing(versions, List.of(V1, v2), NOW, "p"));

		assertThat(PolicyAlignment.missing(versions, List.of(V1, v2), NOW, "p")).isEmpty();
	}

	@Test
	void theVersionInForceAtADateIsTheHighestApplyingByThen() {
		var v2 = smvp(2, ScoringPolicy.RollUp.BY_MANAGER_WEIGHT, LocalDate.of(2018, 12, 31));

		assertThat(PolicyAlignment.inForce(List.of(V1, v2), LocalDate.of(2018, 6, 30)).orElseThrow()).isEqualTo(V1);
		assertThat(PolicyAlignment.inForce(List.of(V1, v2), LocalDate.of(2018, 12, 31)).orElseThrow()).isEqualTo(v2);
		assertThat(PolicyAlignment.inForce(List.of(), LocalDate.of(2018, 12, 31))).isEmpty();
	}

	@Test
	void aRevisionCannotChangeTheScoringPolicyItself() {
		var revision = new Revision(1, "Regole", ADOPTION, List.of("2018-12-31"),
				List.of(new PlanChange(PlanChange.Type.SCORING_POLICY_CHANGED, null, null, null, null, null, null)), null);

		assertThat(new RevisionApplier().apply(PlanFixtures.demoPlan(), revision).violations())
			.extracting(Violation::pointer, Violation::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("/changes/0/type", "revision.policyViaSmvp"));
	}
}
