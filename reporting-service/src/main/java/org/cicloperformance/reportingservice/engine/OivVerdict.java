package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;

/**
 * The OIV's final verdict on an indicator at a closed checkpoint, an optional input of the engine: {@code VALIDATED}
 * keeps the self-reported achievement, {@code ADJUSTED} replaces it by {@code adjustedAchievement} (a fraction,
 * 0–1) in every roll-up. {@code reason} is the OIV's motivation (required by monitoring for ADJUSTED).
 */
public record OivVerdict(Kind kind, BigDecimal adjustedAchievement, String reason) {

	public enum Kind {
		VALIDATED, ADJUSTED
	}

	public OivVerdict {
		if (kind == null) {
			throw new IllegalArgumentException("an OIV verdict needs its kind");
		}
		if (kind == Kind.ADJUSTED && (adjustedAchievement == null || adjustedAchievement.signum() < 0
				|| adjustedAchievement.compareTo(BigDecimal.ONE) > 0)) {
			throw new IllegalArgumentException("an ADJUSTED verdict needs an achievement between 0 and 1, not "
					+ adjustedAchievement);
		}
		adjustedAchievement = kind == Kind.ADJUSTED ? adjustedAchievement : null;
	}

	public static OivVerdict validated() {
		return new OivVerdict(Kind.VALIDATED, null, null);
	}

	public static OivVerdict adjusted(BigDecimal achievement, String reason) {
		return new OivVerdict(Kind.ADJUSTED, achievement, reason);
	}
}
