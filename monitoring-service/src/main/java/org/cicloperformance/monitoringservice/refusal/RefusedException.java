package org.cicloperformance.monitoringservice.refusal;

import java.util.List;

/** A refused request: nothing was stored. The status is the one all violations agree on, else 422. */
public class RefusedException extends RuntimeException {

	private final transient List<Violation> violations;

	/** The problem type when the violations' codes differ: what was refused (a result, a calendar). */
	private final String mixedType;

	public RefusedException(List<Violation> violations) {
		this(violations, "invalid-result");
	}

	public RefusedException(List<Violation> violations, String mixedType) {
		super(violations.get(0).code(), null, false, false);
		this.violations = List.copyOf(violations);
		this.mixedType = mixedType;
	}

	public RefusedException(Violation violation) {
		this(List.of(violation));
	}

	public List<Violation> violations() {
		return violations;
	}

	public int status() {
		int first = violations.get(0).status();
		return violations.stream().allMatch(v -> v.status() == first) ? first : 422;
	}

	/** The problem type: the shared code, or the type of what was refused when the violations differ. */
	public String type() {
		String first = violations.get(0).code();
		return violations.stream().allMatch(v -> v.code().equals(first)) ? first : mixedType;
	}
}
