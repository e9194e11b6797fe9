package org.cicloperformance.reportingservice.alert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.alert.AlertMailRefusedException.Refusal;

/** What a policy must be, plain Java: every refusal with the pointer of its field. */
final class AlertMailRules {

	static final int MAX_MANAGERS = 500;

	static final int MAX_EMAIL = 254;

	static final int MAX_NAME = 200;

	/** An address a relay accepts: one @, no blanks or control characters, a dot in the domain. */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

	private AlertMailRules() {
	}

	/** {@code managers}: the plan's manager ids, each contact must name one of them. */
	static List<Refusal> check(AlertMailRequest request, Set<String> managers) {
		List<Refusal> refusals = new ArrayList<>();
		if (request.enabled() == null) {
			refusals.add(Refusal.of("/enabled", "required"));
		}
		if (request.language() != null && !List.of("it", "en").contains(request.language())) {
			refusals.add(Refusal.of("/language", "language"));
		}
		email(request.plannerEmail(), "/plannerEmail", refusals);
		List<AlertMailPolicy.ManagerContact> contacts = request.managers() == null ? List.of() : request.managers();
		if (contacts.size() > MAX_MANAGERS) {
			refusals.add(Refusal.of("/managers", "too-many", MAX_MANAGERS));
			return refusals;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < contacts.size(); i++) {
			AlertMailPolicy.ManagerContact contact = contacts.get(i);
			String at = "/managers/" + i;
			if (contact == null) {
				refusals.add(Refusal.of(at, "required"));
				continue;
			}
			if (contact.manager() == null || contact.manager().isBlank()) {
				refusals.add(Refusal.of(at + "/manager", "required"));
			}
			else if (!managers.contains(contact.manager())) {
				refusals.add(Refusal.of(at + "/manager", "manager-unknown", contact.manager()));
			}
			else if (!seen.add(contact.manager())) {
				refusals.add(Refusal.of(at + "/manager", "manager-duplicate", contact.manager()));
			}
			if (contact.email() == null) {
				refusals.add(Refusal.of(at + "/email", "required"));
			}
			email(contact.email(), at + "/email", refusals);
			if (contact.name() != null && (contact.name().length() > MAX_NAME
					|| contact.name().chars().anyMatch(Character::isISOControl))) {
				refusals.add(Refusal.of(at + "/name", "name", MAX_NAME));
			}
		}
		return refusals;
	}

	private static void email(String email, String pointer, List<Refusal> refusals) {
		if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
			refusals.add(Refusal.of(pointer, "email", MAX_EMAIL));
		}
	}
}
