package org.cicloperformance.planservice.smvp;

import java.util.List;

/**
 * The SMVP cannot take this write in its current state (409): it exists already, or the request starts from a
 * version that is no longer the current one. {@code code} is the message key {@code conflict.<code>}.
 */
public class SmvpConflictException extends RuntimeException {

	private final String code;

	private final List<Object> args;

	public SmvpConflictException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = List.of(args);
	}

	public String code() {
		return code;
	}

	public List<Object> args() {
		return args;
	}
}
