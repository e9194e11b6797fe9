package org.cicloperformance.planservice.plan;

import java.util.List;

/**
 * The write cannot happen in the plan's current state. {@code code} is the message bundle key
 * {@code conflict.<code>}; {@code stale} marks a lost optimistic race (412 when the client sent If-Match).
 */
public class PlanConflictException extends RuntimeException {

	private final String code;

	private final List<Object> args;

	private final boolean stale;

	public PlanConflictException(String code, boolean stale, Object... args) {
		super(code);
		this.code = code;
		this.stale = stale;
		this.args = List.of(args);
	}

	public String code() {
		return code;
	}

	public List<Object> args() {
		return args;
	}

	public boolean stale() {
		return stale;
	}
}
