package org.cicloperformance.reportingservice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action.ACKNOWLEDGE;
import static org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action.CORRECT;
import static org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action.FINALISE;
import static org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action.PROPOSE;
import static org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action.REQUEST_REVIEW;
import static org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action.REVIEW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Actor;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Refused;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Role;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SchedaLifecycleTest {

	private static final Duration PERIOD = Duration.ofDays(15);

	private static final Instant T0 = Instant.parse("2019-03-01T09:00:00Z");

	private static final Actor SEGRETARIO = new Actor("segretario", List.of(Role.EVALUATOR), null);

	private static final Actor DAZZEO = new Actor("dazzeo", List.of(Role.MANAGER), "dazzeo");

	private static final Actor ZILETTI = new Actor("ziletti", List.of(Role.MANAGER), "ziletti");

	private static final Actor OIV = new Actor("oiv", List.of(Role.OIV), null);

	@Test
	void theWholePathWithAReviewEndsFinalWithEveryStepRecorded() {
		SchedaLifecycle s = SchedaLifecycle.draft("dazzeo")
			.apply(PROPOSE, SEGRETARIO, T0, PERIOD, null)
			.apply(ACKNOWLEDGE, DAZZEO, T0.plus(Duration.ofDays(2)), PERIOD, null)
			.apply(REQUEST_REVIEW, DAZZEO, T0.plus(Duration.ofDays(3)), PERIOD, "Il comportamento DIFF è sottostimato")
			.apply(REVIEW, SEGRETARIO, T0.plus(Duration.ofDays(10)), PERIOD, "Confermata la valutazione")
			.apply(FINALISE, SEGRETARIO, T0.plus(Duration.ofDays(11)), PERIOD, null);

		assertThat(s.state()).isEqualTo(State.FINAL);
		assertThat(s.history()).extracting(SchedaLifecycle.Step::action, SchedaLifecycle.Step::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(PROPOSE, "segretario"),
					org.assertj.core.groups.Tuple.tuple(ACKNOWLEDGE, "dazzeo"),
					org.assertj.core.groups.Tuple.tuple(REQUEST_REVIEW, "dazzeo"),
					org.assertj.core.groups.Tuple.tuple(REVIEW, "segretario"),
					org.assertj.core.groups.Tuple.tuple(FINALISE, "segretario"));
	}

	@ParameterizedTest(name = "{0} by {1} in {2} is refused: {3}")
	@CsvSource({
			"PROPOSE, dazzeo, DRAFT, role-not-allowed",
			"PROPOSE, segretario, PROPOSED, transition-not-allowed",
			"ACKNOWLEDGE, ziletti, PROPOSED, not-own-scheda",
			"ACKNOWLEDGE, segretario, PROPOSED, not-own-scheda",
			"ACKNOWLEDGE, dazzeo, DRAFT, transition-not-allowed",
			"REQUEST_REVIEW, dazzeo, DRAFT, transition-not-allowed",
			"REQUEST_REVIEW, ziletti, PROPOSED, not-own-scheda",
			"REVIEW, oiv, REVIEW_REQUESTED, role-not-allowed",
			"REVIEW, dazzeo, REVIEW_REQUESTED, role-not-allowed",
			"REVIEW, segretario, ACKNOWLEDGED, transition-not-allowed",
			"FINALISE, oiv, REVIEWED, role-not-allowed",
			"FINALISE, segretario, DRAFT, transition-not-allowed",
			"FINALISE, segretario, REVIEW_REQUESTED, transition-not-allowed",
			"CORRECT, segretario, ACKNOWLEDGED, transition-not-allowed",
			"CORRECT, dazzeo, FINAL, role-not-allowed" })
	void everyMoveOutOfTurnOrByTheWrongRoleIsRefused(Action action, String who, State state, String reason) {
		Actor actor = switch (who) {
			case "dazzeo" -> DAZZEO;
			case "ziletti" -> ZILETTI;
			case "oiv" -> OIV;
			default -> SEGRETARIO;
		};
		SchedaLifecycle s = new SchedaLifecycle("dazzeo", 1, state, T0, List.of());

		assertThatThrownBy(() -> s.apply(action, actor, T0.plus(Duration.ofDays(1)), PERIOD, "motivo"))
			.isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(reason));
	}

	@Test
	void aReviewRequestNeedsAReasonAndComesWithinThePeriod() {
		SchedaLifecycle proposed = SchedaLifecycle.draft("dazzeo").apply(PROPOSE, SEGRETARIO, T0, PERIOD, null);

		assertThatThrownBy(() -> proposed.apply(REQUEST_REVIEW, DAZZEO, T0.plus(Duration.ofDays(1)), PERIOD, " "))
			.hasMessage("reason-required");
		assertThatThrownBy(() -> proposed.apply(REQUEST_REVIEW, DAZZEO, T0.plus(Duration.ofDays(16)), PERIOD, "x"))
			.hasMessage("review-period-over");
	}

	@Test
	void anAcknowledgedSchedaBecomesFinalOnlyWhenTheReviewPeriodIsOver() {
		SchedaLifecycle acknowledged = SchedaLifecycle.draft("dazzeo").apply(PROPOSE, SEGRETARIO, T0, PERIOD, null)
			.apply(ACKNOWLEDGE, DAZZEO, T0.plus(Duration.ofDays(1)), PERIOD, null);

		assertThatThrownBy(() -> acknowledged.apply(FINALISE, SEGRETARIO, T0.plus(Duration.ofDays(5)), PERIOD, null))
			.hasMessage("review-period-open");
		assertThat(acknowledged.apply(FINALISE, SEGRETARIO, T0.plus(Duration.ofDays(16)), PERIOD, null).state())
			.isEqualTo(State.FINAL);
	}

	@Test
	void silenceOfTheManagerPastThePeriodCountsAsAcknowledgement() {
		SchedaLifecycle proposed = SchedaLifecycle.draft("dazzeo").apply(PROPOSE, SEGRETARIO, T0, PERIOD, null);

		assertThatThrownBy(() -> proposed.apply(FINALISE, SEGRETARIO, T0.plus(Duration.ofDays(3)), PERIOD, null))
			.hasMessage("transition-not-allowed");
		assertThat(proposed.apply(FINALISE, SEGRETARIO, T0.plus(Duration.ofDays(16)), PERIOD, null).state())
			.isEqualTo(State.FINAL);
	}

	@Test
	void aFinalSchedaIsCorrectedOnlyAsANewVersionWithAReason() {
		SchedaLifecycle done = SchedaLifecycle.draft("dazzeo").apply(PROPOSE, SEGRETARIO, T0, PERIOD, null)
			.apply(FINALISE, SEGRETARIO, T0.plus(Duration.ofDays(16)), PERIOD, null);

		assertThatThrownBy(() -> done.apply(CORRECT, SEGRETARIO, T0.plus(Duration.ofDays(20)), PERIOD, null))
			.hasMessage("reason-required");
		SchedaLifecycle corrected = done.apply(CORRECT, SEGRETARIO, T0.plus(Duration.ofDays(20)), PERIOD,
				"Errore materiale nel punteggio di RIS");
		assertThat(corrected.version()).isEqualTo(2);
		assertThat(corrected.state()).isEqualTo(State.DRAFT);
		assertThat(done.state()).as("the final version is unchanged").isEqualTo(State.FINAL);
	}

	@Test
	void nobodyEvaluatesTheirOwnScheda() {
		Actor evaluatingHimself = new Actor("dazzeo", List.of(Role.EVALUATOR, Role.MANAGER), "dazzeo");

		assertThatThrownBy(() -> SchedaLifecycle.draft("dazzeo").apply(PROPOSE, evaluatingHimself, T0, PERIOD, null))
			.hasMessage("own-scheda");
	}
}
