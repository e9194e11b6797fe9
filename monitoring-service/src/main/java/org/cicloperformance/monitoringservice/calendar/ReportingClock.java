package org.cicloperformance.monitoringservice.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The time the calendar, the completion board and the reminders reason with: the service's clock, shifted when
 * the demo clock is set. Only these features read it; results, checkpoints and events keep the real time, so moving
 * the demo clock never changes what is recorded.
 */
@Component
public class ReportingClock {

	private final Clock clock;

	private final ZoneId zone;

	private final boolean movable;

	/** The demo's shift from the real time; zero unless set. */
	private volatile Duration shift = Duration.ZERO;

	ReportingClock(Clock clock, CalendarSettings settings) {
		this.clock = clock;
		this.zone = settings.zone();
		this.movable = settings.demoClock();
	}

	public Instant now() {
		return clock.instant().plus(shift);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(now(), zone);
	}

	public ZoneId zone() {
		return zone;
	}

	/** Whether {@link #moveTo} is allowed here (monitoring.calendar.demo-clock). */
	public boolean movable() {
		return movable;
	}

	/** The demo's shift, when the clock has been moved. */
	public Optional<Duration> shift() {
		return shift.isZero() ? Optional.empty() : Optional.of(shift);
	}

	/** From now on the clock reads {@code instant} and runs on from there. */
	public void moveTo(Instant instant) {
		shift = Duration.between(clock.instant(), instant);
	}

	public void reset() {
		shift = Duration.ZERO;
	}
}
