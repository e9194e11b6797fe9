package org.cicloperformance.reportingservice.evaluation.store;

import java.util.List;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Violation;

/**
 * A request about a scheda or a fund that is refused: what kind of refusal (the web layer turns it into a status),
 * and the fields (JSON pointers) with their reason keys ({@code evaluation.reason.*} in the message bundles).
 */
public class SchedaRefused extends RuntimeException {

	public enum Kind {
		/** The caller's role or identity may not do this. */
		FORBIDDEN,
		/** Nothing to act on. */
		NOT_FOUND,
		/** The state, a newer revision or an existing document stands in the way. */
		CONFLICT,
		/** The request's content cannot be accepted. */
		INVALID
	}

	private final Kind kind;

	private final transient List<Violation> violations;

	public SchedaRefused(Kind kind, String pointer, String reason) {
		this(kind, List.of(new Violation(pointer, reason)));
	}

	public SchedaRefused(Kind kind, List<Violation> violations) {
		super(kind + " " + violations);
		this.kind = kind;
		this.violations = List.copyOf(violations);
	}

	public Kind kind() {
		return kind;
	}

	public List<Violation> violations() {
		return violations;
	}
}
