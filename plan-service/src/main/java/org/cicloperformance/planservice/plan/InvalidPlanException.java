package org.cicloperformance.planservice.plan;

import java.util.List;

public class InvalidPlanException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidPlanException(List<Violation> violations) {
		super(violations.size() + " violation(s)");
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}
}
