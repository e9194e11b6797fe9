package org.cicloperformance.monitoringservice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.cicloperformance.monitoringservice.plan.VersionInForce.InForce;
import org.cicloperformance.monitoringservice.plan.VersionInForce.NotReceived;
import org.cicloperformance.monitoringservice.plan.VersionInForce.UnknownPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionInForceTest {

	/** received: versions as "n:appliesTo+appliesTo" separated by spaces; expected: "v2", "missing 2", "unknown". */
	@ParameterizedTest(name = "{0} at {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			1:2018-06-30+2018-12-31                     | 2018-06-30 | v1
			1:2018-06-30+2018-12-31 2:2018-12-31        | 2018-06-30 | v1
			1:2018-06-30+2018-12-31 2:2018-12-31        | 2018-12-31 | v2
			1:2018-06-30 2:2018-12-31 3:2018-12-31      | 2018-12-31 | v3
			1:2018-06-30 2:2018-12-31 3:2018-06-30      | 2018-12-31 | v2
			2:2018-12-31                                | 2018-06-30 | missing 1
			2:2018-12-31                                | 2018-12-31 | v2
			1:2018-06-30 3:2018-12-31                   | 2018-06-30 | missing 2
			1:2018-06-30 3:2018-12-31                   | 2018-12-31 | v3
			-                                           | 2018-06-30 | unknown
			""")
	void takesTheHighestReceivedVersionThatAppliesAndNeverGuessesOverAGap(String received, String checkpoint,
			String expected) {
		List<PlanVersion> versions = received.equals("-") ? List.of() : Arrays.stream(received.split(" ")).map(v -> {
			String[] parts = v.split(":");
			return new PlanVersion("p", Integer.parseInt(parts[0]), null, null, List.of(parts[1].split("\\+")), null,
					null, null, null, null);
		}).toList();
		VersionInForce.Resolution resolution = VersionInForce.resolve(versions, checkpoint);
		String actual = resolution instanceof InForce f ? "v" + f.version().version()
				: resolution instanceof NotReceived n ? "missing " + n.missing()
						: resolution instanceof UnknownPlan ? "unknown" : "?";
		assertThat(actual).isEqualTo(expected);
	}
}
