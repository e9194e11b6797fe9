package org.cicloperformance.planservice.plan.web;

import java.security.Principal;

final class Users {

	static final String ANONYMOUS = "anonimo";

	private Users() {
	}

	static String name(Principal principal) {
		return principal == null ? ANONYMOUS : principal.getName();
	}
}
