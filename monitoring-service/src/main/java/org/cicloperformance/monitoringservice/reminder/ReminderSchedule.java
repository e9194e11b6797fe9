package org.cicloperformance.monitoringservice.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which step of a calendar's reminder policy is due on a day, plain Java. A step ({@code d} days from the closing
 * date: negative before, positive after) is due from its day until the day of the next step; the last one for
 * {@code lastStepDays} days. Only the latest step is ever due, so a service that was down, or a demo clock moved
 * past several steps, sends one reminder and not a burst of stale ones. A step before the closing date is not due
 * after it.
 */
final class ReminderSchedule {

	private ReminderSchedule() {
	}

	static Optional<Integer> dueStep(List<Integer> days, LocalDate closesOn, LocalDate today, int lastStepDays) {
		if (closesOn == null || days.isEmpty()) {
			return Optional.empty();
		}
		List<Integer> sorted = days.stream().sorted().toList();
		for (int i = sorted.size() - 1; i >= 0; i--) {
			LocalDate from = closesOn.plusDays(sorted.get(i));
			if (today.isBefore(from)) {
				continue;
			}
			LocalDate until = i + 1 < sorted.size() ? closesOn.plusDays(sorted.get(i + 1))
					: from.plusDays(lastStepDays);
			if (sorted.get(i) < 0 && until.isAfter(closesOn.plusDays(1))) {
				until = closesOn.plusDays(1);
			}
			return today.isBefore(until) ? Optional.of(sorted.get(i)) : Optional.empty();
		}
		return Optional.empty();
	}

	/** The step's name in the ledger's ids: {@code d-7}, {@code d0}, {@code d+3}. */
	static String name(int day) {
		return day > 0 ? "d+" + day : "d" + day;
	}
}
