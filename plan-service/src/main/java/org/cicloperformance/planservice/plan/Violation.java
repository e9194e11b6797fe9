package org.cicloperformance.planservice.plan;

import java.util.List;

/**
 * One reason a plan or revision is refused: a JSON pointer to the offending field, a stable code (the key of the
 * message bundle entry {@code violation.<code>}) and the arguments of that message.
 */
public record Violation(String pointer, String code, List<Object> args) {

	public Violation {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public static Violation of(String pointer, String code, Object... args) {
		return new Violation(pointer, code, List.of(args));
	}
}
