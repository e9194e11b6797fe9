package org.cicloperformance.monitoringservice.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.cicloperformance.monitoringservice.calendar.ReportingClock;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.security.Access;
import org.cicloperformance.monitoringservice.security.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporting clock, and (local stack only: {@code monitoring.calendar.demo-clock=true}) moving it, so that the
 * completion board and the reminders can be seen as on any day, e.g. a week before a closing date. Moving it
 * elsewhere answers 404 {@code demo-clock-disabled}.
 */
@RestController
@RequestMapping("/api/demo-clock")
@Tag(name = "calendars")
class DemoClockController {

	/** {@code now}: the instant the clock jumps to; or {@code date}: that day at noon in the calendar's zone. */
	record MoveRequest(Instant now, LocalDate date) {
	}

	record ClockView(Instant now, LocalDate today, String zone, boolean movable, Duration shift) {
	}

	private final ReportingClock clock;

	private final Access access;

	DemoClockController(ReportingClock clock, Access access) {
		this.clock = clock;
		this.access = access;
	}

	@Operation(summary = "The reporting clock's time and whether it has been moved (every role but HR)")
	@GetMapping
	ClockView get() {
		access.reader();
		return view();
	}

	@Operation(summary = "Moves the reporting clock (PLANNER; local stack only)")
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ClockView move(@RequestBody(required = false) MoveRequest body) {
		access.requireAny(Role.PLANNER);
		requireMovable();
		if (body == null || (body.now() == null) == (body.date() == null)) {
			throw new RefusedException(Violation.of("/now", "demo-clock-target"));
		}
		Instant target = body.now() != null ? body.now() : body.date().atTime(12, 0).atZone(clock.zone()).toInstant();
		if (target.atZone(clock.zone()).getYear() < 2000 || target.atZone(clock.zone()).getYear() > 2100) {
			throw new RefusedException(Violation.of(body.now() != null ? "/now" : "/date", "demo-clock-target"));
		}
		clock.moveTo(target);
		return view();
	}

	@Operation(summary = "Puts the reporting clock back to the real time (PLANNER; local stack only)")
	@DeleteMapping
	ClockView reset() {
		access.requireAny(Role.PLANNER);
		requireMovable();
		clock.reset();
		return view();
	}

	private void requireMovable() {
		if (!clock.movable()) {
			throw new RefusedException(Violation.of("", "demo-clock-disabled"));
		}
	}

	private ClockView view() {
		return new ClockView(clock.now(), clock.today(), clock.zone().getId(), clock.movable(),
				clock.shift().orElse(Duration.ZERO));
	}
}
