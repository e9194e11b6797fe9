package org.cicloperformance.monitoringservice.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which step of a policy is due on a day: closing on 15 July, reminders 7 and 2 days before and 3 after. */
class ReminderScheduleTest {

	static final LocalDate CLOSES = LocalDate.of(2018, 7, 15);

	static final List<Integer> POLICY = List.of(3, -7, -2);

	private static Optional<Integer> on(int month, int day) {
		return ReminderSchedule.dueStep(POLICY, CLOSES, LocalDate.of(2018, month, day), 7);
	}

	@Test
	void nothingIsDueBeforeTheFirstStep() {
		assertThat(on(7, 7)).isEmpty();
	}

	@Test
	void aStepIsDueFromItsDayUntilTheNextStep() {
		assertThat(on(7, 8)).contains(-7);
		assertThat(on(7, 12)).contains(-7);
		assertThat(on(7, 13)).contains(-2);
		assertThat(on(7, 15)).contains(-2);
	}

	@Test
	void aStepBeforeTheClosingDateIsNotDueAfterIt() {
		assertThat(on(7, 16)).isEmpty();
		assertThat(on(7, 17)).isEmpty();
	}

	@Test
	void theLastStepStaysDueForItsDaysThenNothing() {
		assertThat(on(7, 18)).contains(3);
		assertThat(on(7, 24)).contains(3);
		assertThat(on(7, 25)).isEmpty();
		assertThat(on(12, 31)).isEmpty();
	}

	@Test
	void aStepOnTheClosingDayIsNamedD0() {
		assertThat(ReminderSchedule.dueStep(List.of(0), CLOSES, CLOSES, 7)).contains(0);
		assertThat(ReminderSchedule.name(0)).isEqualTo("d0");
		assertThat(ReminderSchedule.name(-7)).isEqualTo("d-7");
		assertThat(ReminderSchedule.name(3)).isEqualTo("d+3");
	}

	@Test
	void noPolicyOrNoClosingDateMeansNoReminder() {
		assertThat(ReminderSchedule.dueStep(List.of(), CLOSES, CLOSES, 7)).isEmpty();
		assertThat(ReminderSchedule.dueStep(POLICY, null, CLOSES, 7)).isEmpty();
	}
}
