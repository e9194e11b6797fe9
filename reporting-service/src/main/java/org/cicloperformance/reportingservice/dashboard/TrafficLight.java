package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import org.cicloperformance.reportingservice.engine.Incentives;
import org.cicloperformance.reportingservice.engine.Policy;

/**
 * The traffic light of a score, read from the incentive bands of the policy in force: a band that pays in full is
 * green, one that pays in proportion amber, one that pays nothing red. Pages always show it as text too
 * ({@code Verde — in linea}), never by colour alone. {@code TO_MEASURE} is not a band: nothing was
 * posted yet on an open checkpoint ({@link ToMeasure}), so the score the engine stored is not shown.
 */
enum TrafficLight {

	GREEN, AMBER, RED, NONE, TO_MEASURE;

	static TrafficLight of(Policy policy, BigDecimal score) {
		return Incentives.payout(policy, score).map(payout -> of(payout.rule())).orElse(NONE);
	}

	static TrafficLight of(Policy.Payout payout) {
		return switch (payout) {
			case FULL -> GREEN;
			case SCORE -> AMBER;
			case NONE -> RED;
		};
	}

	/** Nothing posted yet on an open checkpoint: "Da misurare — nessun dato" in place of the score. */
	public boolean toMeasure() {
		return this == TO_MEASURE;
	}

	/** Worth a place in the "Criticità" block: a band that pays in proportion or nothing. */
	public boolean critical() {
		return this == RED || this == AMBER;
	}

	/** The message key of the label, e.g. {@code light.GREEN} = "Verde — in linea". */
	public String key() {
		return "light." + name();
	}

	/** The CSS class that colours the badge and the chart. */
	public String css() {
		return "light-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
