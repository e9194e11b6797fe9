package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import org.cicloperformance.reportingservice.engine.Incentives;
import org.cicloperformance.reportingservice.engine.Policy;

/**
 * The traffic light of a score, read from the incentive bands of the policy in force: a band that pays in full is
 * green, one that pays in proportion amber, one that pays nothing red. Pages always show it as text too
 * ({@code Verde — in linea}), never by colour alone.
 */
enum TrafficLight {

	GREEN, AMBER, RED, NONE;

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

	/** The message key of the label, e.g. {@code light.GREEN} = "Verde — in linea". */
	public String key() {
		return "light." + name();
	}

	/** The CSS class that colours the badge and the chart. */
	public String css() {
		return "light-" + name().toLowerCase(java.util.Locale.ROOT);
	}
}
