package org.cicloperformance.reportingservice.dashboard;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.engine.Achievement;
import org.cicloperformance.reportingservice.engine.Direction;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.OivVerdict;
import org.cicloperformance.reportingservice.engine.Policy;
import org.cicloperformance.reportingservice.score.ScoreDocument;

/**
 * The codes of the enums whose values reach the pages (measure kinds, statuses, rules, payouts, verdicts, lights)
 * and of the default policy's bands: none of them may be read by people on a page.
 */
final class EnumCodes {

	private EnumCodes() {
	}

	static Set<String> all() {
		Set<String> codes = new TreeSet<>();
		Stream.of(MeasureKind.values(), Achievement.Status.values(), Achievement.Rule.values(), Direction.values(),
				NodeScore.NodeKind.values(), OivVerdict.Kind.values(), Policy.NumericRule.values(),
				Policy.MissingRule.values(), Policy.Payout.values(), ScoreDocument.Status.values(),
				TrafficLight.values(), org.cicloperformance.reportingservice.forecast.ForecastMethod.values(),
				org.cicloperformance.reportingservice.forecast.Forecast.Severity.values(),
				org.cicloperformance.reportingservice.completion.CompletionBoard.Status.values()).flatMap(Arrays::stream).map(e -> ((Enum<?>) e).name()).forEach(codes::add);
		Policy.defaults().incentiveBands().forEach(b -> codes.add(b.code()));
		return codes;
	}

	/** Any code as a whole word, case-sensitive: "PROPORTIONAL" but not "proporzionale". */
	static Pattern pattern() {
		return Pattern.compile(all().stream().map(Pattern::quote).collect(Collectors.joining("|", "\\b(", ")\\b")));
	}
}
