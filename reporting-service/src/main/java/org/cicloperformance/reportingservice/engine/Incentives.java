package org.cicloperformance.reportingservice.engine;

import static org.cicloperformance.reportingservice.engine.Decimals.percent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.cicloperformance.reportingservice.engine.Policy.IncentiveBand;
import org.cicloperformance.reportingservice.engine.ScoringPlan.Incentive;

/** Incentive bands and the amounts an incentive block pays at a score. */
public final class Incentives {

	private Incentives() {
	}

	/** The band a score falls in and the payout percentage (a fraction) it gives. */
	public record Payout(String band, Policy.Payout rule, BigDecimal percentage, String arithmetic) {
	}

	/** What one fund of an incentive block pays: its amount times the payout percentage, in euros. */
	public record FundEarning(String fund, BigDecimal amount, BigDecimal earned, String arithmetic) {
	}

	/** Empty when the score is unknown (nothing measured) or falls in no band. */
	public static Optional<Payout> payout(Policy policy, BigDecimal score) {
		if (score == null) {
			return Optional.empty();
		}
		return policy.band(score).map(band -> {
			BigDecimal percentage = switch (band.payout()) {
				case NONE -> BigDecimal.ZERO;
				case SCORE -> score;
				case FULL -> BigDecimal.ONE;
			};
			return new Payout(band.code(), band.payout(), Decimals.scaled(percentage),
					percent(score) + " in " + range(band) + " → " + percent(percentage));
		});
	}

	public static List<FundEarning> earnings(Incentive incentive, Payout payout) {
		return incentive.funds().stream().map(fund -> {
			BigDecimal amount = fund.amount() != null ? fund.amount()
					: incentive.coefficient() == null || fund.unitAmount() == null ? BigDecimal.ZERO
							: incentive.coefficient().multiply(fund.unitAmount());
			BigDecimal earned = amount.multiply(payout.percentage()).setScale(2, RoundingMode.HALF_UP);
			return new FundEarning(fund.name(), amount, earned, euros(amount) + " × " + percent(payout.percentage())
					+ " = " + euros(earned));
		}).toList();
	}

	static String euros(BigDecimal amount) {
		BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
		String text = rounded.stripTrailingZeros().scale() <= 0 ? Decimals.number(rounded) : Decimals.italian(rounded);
		return text + " €";
	}

	private static String range(IncentiveBand band) {
		String from = band.from() == null ? "" : "da " + percent(band.from());
		String to = band.to() == null ? "" : " a " + percent(band.to()) + " escluso";
		return "fascia " + band.code() + " (" + (from + to).trim() + ")";
	}
}
