package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The achievement of one indicator at one checkpoint. {@code value} is null when the indicator does not count
 * (not due, missing and excluded, or awaiting the OIV's judgement); {@code raw} is the value before floor and cap; {@code arithmetic} shows the
 * computation in Italian number format, e.g. {@code min(527 / 600, 1) = 87,83%}; {@code parts} details the
 * components of a COMPOUND indicator or the milestones of a MILESTONE one. On the final scores of a closed
 * checkpoint {@code oiv} is the OIV's verdict and {@code declared} the self-reported achievement (computed from the
 * office's result by the rules), kept beside the figure used; both are null on live (provisional) scores.
 */
public record Achievement(Status status, Rule rule, BigDecimal value, BigDecimal raw, String arithmetic,
		List<Part> parts, OivVerdict oiv, Achievement declared) {

	public enum Status {
		SCORED, MISSING_EXCLUDED, MISSING_ZERO, NOT_DUE,
		/** a descriptive result (the step reached, in words) with no assessment: left out until the OIV judges it */
		AWAITING_JUDGEMENT
	}

	public enum Rule {
		/** result / target (higher is better). */
		RATIO,
		/** target / result (lower is better). */
		INVERSE_RATIO,
		/** lower is better and the result is 0: fully achieved. */
		ZERO_RESULT,
		/** target 0: 1 when the result is on the right side of 0, else 0. */
		TARGET_ZERO,
		/** (result − baseline) / (target − baseline). */
		LINEAR_FROM_BASELINE,
		BOOLEAN,
		/** share of the milestones due that were delivered by their date (late ones earn the late credit). */
		MILESTONES,
		/** assessment / 100. */
		QUALITATIVE,
		/** (weighted) mean of the components' achievements. */
		COMPOUND,
		MISSING_EXCLUDED,
		MISSING_ZERO,
		NOT_DUE,
		/** posted without an assessment: to be judged by the OIV, left out of the score until then. */
		AWAITING_JUDGEMENT,
		/** the OIV's adjusted achievement replaces the self-reported one. */
		OIV_ADJUSTED
	}

	/** A component or a milestone: its weight (null when equal), its achievement and how it was computed. */
	public record Part(String code, BigDecimal weight, BigDecimal value, String arithmetic) {
	}

	public Achievement {
		parts = parts == null ? List.of() : List.copyOf(parts);
	}

	/** An achievement without an OIV verdict (live scores). */
	public Achievement(Status status, Rule rule, BigDecimal value, BigDecimal raw, String arithmetic,
			List<Part> parts) {
		this(status, rule, value, raw, arithmetic, parts, null, null);
	}

	public boolean counts() {
		return value != null;
	}
}
