package org.cicloperformance.reportingservice.dashboard;

import java.util.List;
import org.cicloperformance.reportingservice.security.Actor;
import org.cicloperformance.reportingservice.security.Role;

/** Who the header says is signed in: the user name and the message keys of their roles. */
record SignedIn(String username, List<String> roleKeys) {

	static SignedIn of(Actor actor) {
		return new SignedIn(actor.username(),
				actor.roles().stream().sorted().map(Role::name).map(r -> "role." + r).toList());
	}
}
