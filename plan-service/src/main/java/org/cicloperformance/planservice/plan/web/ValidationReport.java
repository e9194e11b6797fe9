package org.cicloperformance.planservice.plan.web;

import java.util.List;
import org.cicloperformance.planservice.plan.Violation;

record ValidationReport(boolean valid, List<Violation> violations) {

	static ValidationReport of(List<Violation> violations) {
		return new ValidationReport(violations.isEmpty(), violations);
	}
}
