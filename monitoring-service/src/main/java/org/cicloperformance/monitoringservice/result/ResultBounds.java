package org.cicloperformance.monitoringservice.result;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.refusal.Violation;

/**
 * The sizes and magnitudes a result may have, checked first: nothing oversized reaches a lookup, the arithmetic or
 * a message.
 */
final class ResultBounds {

	private ResultBounds() {
	}

	/** Every field against {@link InputBounds}, before any lookup or arithmetic. */
	static List<Violation> outOfBounds(ResultRequest r) {
		List<Violation> v = new ArrayList<>();
		InputBounds.check(v, InputBounds.code("/planId", r.planId()));
		InputBounds.check(v, InputBounds.code("/objective", r.objective()));
		InputBounds.check(v, InputBounds.code("/indicator", r.indicator()));
		InputBounds.check(v, InputBounds.code("/checkpoint", r.checkpoint()));
		InputBounds.check(v, InputBounds.code("/reportedBy", r.reportedBy()));
		InputBounds.check(v, InputBounds.text("/commentary", r.commentary(), InputBounds.MAX_TEXT));
		InputBounds.check(v, InputBounds.text("/reason", r.reason(), InputBounds.MAX_TEXT));
		InputBounds.check(v, InputBounds.code("/deviationCause", r.deviationCause()));
		InputBounds.check(v, InputBounds.items("/evidence", r.evidence()));
		for (int i = 0; i < r.evidence().size() && i < InputBounds.MAX_ITEMS; i++) {
			InputBounds.check(v, InputBounds.text("/evidence/" + i, r.evidence().get(i), InputBounds.MAX_REFERENCE));
		}
		ResultValue value = r.value();
		if (value == null) {
			return v;
		}
		InputBounds.check(v, InputBounds.number("/value/number", value.number()));
		InputBounds.check(v, InputBounds.number("/value/assessment", value.assessment()));
		InputBounds.check(v, InputBounds.text("/value/justification", value.justification(), InputBounds.MAX_TEXT));
		InputBounds.check(v, InputBounds.text("/value/text", value.text(), InputBounds.MAX_TEXT));
		InputBounds.check(v, InputBounds.items("/value/delivered", value.delivered()));
		if (value.delivered() != null && value.delivered().size() <= InputBounds.MAX_ITEMS) {
			for (int i = 0; i < value.delivered().size(); i++) {
				ResultValue.DeliveredMilestone d = value.delivered().get(i);
				if (d != null) {
					InputBounds.check(v, InputBounds.code("/value/delivered/" + i + "/milestone", d.milestone()));
					InputBounds.check(v, InputBounds.code("/value/delivered/" + i + "/date", d.date()));
				}
			}
		}
		if (value.components() != null) {
			if (value.components().size() > InputBounds.MAX_ITEMS) {
				v.add(Violation.of("/value/components", "too-many-items", InputBounds.MAX_ITEMS));
				return v;
			}
			for (Map.Entry<String, BigDecimal> c : value.components().entrySet()) {
				Optional<Violation> key = InputBounds.code("/value/components", c.getKey());
				if (key.isPresent()) {
					v.add(key.get());
					continue;
				}
				InputBounds.check(v, InputBounds.number("/value/components/" + Violation.escape(c.getKey()),
						c.getValue()));
			}
		}
		return v;
	}
}
