package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Obiettivo operativo. {@code weight} is its weight in its manager's set (they sum to 100 per manager);
 * {@code contributionWeight}, when given, is its weight within the strategic objective.
 */
public record OperationalObjective(
		String code,
		String title,
		String shortTitle,
		String description,
		String expectedBenefit,
		String organisationalArea,
		String manager,
		BigDecimal weight,
		BigDecimal contributionWeight,
		List<StrategicScope> strategicScopes,
		List<BudgetLine> budgetLines,
		List<EvidenceRequirement> evidence,
		Incentive incentive,
		List<Indicator> indicators) {

	public OperationalObjective {
		strategicScopes = Lists.copy(strategicScopes);
		budgetLines = Lists.copy(budgetLines);
		evidence = Lists.copy(evidence);
		indicators = Lists.copy(indicators);
	}

	public Optional<Indicator> indicator(String code) {
		return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
	}

	public OperationalObjective withIndicators(List<Indicator> newIndicators) {
		return new OperationalObjective(code, title, shortTitle, description, expectedBenefit, organisationalArea,
				manager, weight, contributionWeight, strategicScopes, budgetLines, evidence, incentive, newIndicators);
	}

	public OperationalObjective withWeight(BigDecimal newWeight) {
		return new OperationalObjective(code, title, shortTitle, description, expectedBenefit, organisationalArea,
				manager, newWeight, contributionWeight, strategicScopes, budgetLines, evidence, incentive, indicators);
	}
}
