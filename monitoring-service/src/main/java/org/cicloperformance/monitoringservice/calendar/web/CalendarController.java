package org.cicloperformance.monitoringservice.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cicloperformance.monitoringservice.calendar.CalendarRequest;
import org.cicloperformance.monitoringservice.calendar.CalendarView;
import org.cicloperformance.monitoringservice.calendar.Calendars;
import org.cicloperformance.monitoringservice.security.Access;
import org.cicloperformance.monitoringservice.security.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporting calendar of a plan's checkpoint. The role is checked first (403), then the plan's entity (404),
 * then the request (422 naming each field).
 */
@RestController
@RequestMapping("/api/calendars")
@Tag(name = "calendars", description = "Data-entry window, responsible offices and reminder policy per checkpoint")
class CalendarController {

	private final Calendars calendars;

	private final Access access;

	CalendarController(Calendars calendars, Access access) {
		this.calendars = calendars;
		this.access = access;
	}

	@Operation(summary = "The calendar with each indicator's responsible office (every role but HR); 404 when none")
	@GetMapping
	CalendarView get(@RequestParam String planId, @RequestParam String checkpoint) {
		return calendars.get(access.reader(), planId, checkpoint);
	}

	@Operation(summary = "Sets (replaces) the calendar: opening and closing dates, office addresses, assignments, "
			+ "reminder days relative to the closing date. PLANNER only")
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	CalendarView put(@RequestParam String planId, @RequestParam String checkpoint,
			@RequestBody(required = false) CalendarRequest body) {
		return calendars.put(access.requireAny(Role.PLANNER), planId, checkpoint, body);
	}
}
