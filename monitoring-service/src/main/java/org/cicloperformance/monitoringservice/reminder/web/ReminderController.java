package org.cicloperformance.monitoringservice.reminder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.cicloperformance.monitoringservice.reminder.ReminderEntry;
import org.cicloperformance.monitoringservice.reminder.Reminders;
import org.cicloperformance.monitoringservice.security.Access;
import org.cicloperformance.monitoringservice.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "reminders", description = "The reminders sent by e-mail for a checkpoint, and their outcome")
class ReminderController {

	private final Reminders reminders;

	private final Access access;

	ReminderController(Reminders reminders, Access access) {
		this.reminders = reminders;
		this.access = access;
	}

	@Operation(summary = "Every reminder of the checkpoint: office, step, recipient, indicators named, state "
			+ "(PLANNER, OIV)")
	@GetMapping("/api/reminders")
	List<ReminderEntry> reminders(@RequestParam String planId, @RequestParam String checkpoint) {
		return reminders.of(access.requireAny(Role.PLANNER, Role.OIV), planId, checkpoint);
	}
}
