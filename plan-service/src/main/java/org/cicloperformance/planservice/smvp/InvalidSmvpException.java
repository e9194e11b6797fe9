package org.cicloperformance.planservice.smvp;

import java.util.List;
import org.cicloperformance.planservice.plan.Violation;

/** An SMVP version refused: every violation with its JSON pointer (422). */
public class InvalidSmvpException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidSmvpException(List<Violation> violations) {
		super(violations.size() + " violation(s)");
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}
}
