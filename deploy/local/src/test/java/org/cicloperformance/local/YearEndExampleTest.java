package org.cicloperformance.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's year-end example loads only on request, and it is what it says: a result at 31/12 for every indicator
 * of plan version 2 (the plan revised by the demo's revision), each one labelled as an example, not from the
 * document, with a known cause category where one is given.
 */
class YearEndExampleTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theExampleIsOffUnlessAsked() {
		assertThat(Settings.yearEndExample(Map.of())).isFalse();
		assertThat(Settings.yearEndExample(Map.of("STACK_DEMO_YEAREND", "true"))).isTrue();
	}

	@Test
	void holdsOneLabelledResultAt31DecemberForEveryIndicatorOfVersion2() throws IOException {
		JsonNode example = read("/esempio/risultati-2018-12-31.json");
		assertThat(example.path("esempio").asString()).startsWith("Esempio, non dal documento");
		Set<String> expected = new HashSet<>();
		read("/demo/piano-2018.json").path("strategicAreas").forEach(a -> a.path("strategicObjectives")
				.forEach(s -> s.path("operationalObjectives").forEach(o -> o.path("indicators")
						.forEach(i -> expected.add(o.path("code").asString() + "/" + i.path("code").asString())))));
		read("/demo/revisione-2018.json").path("changes").forEach(c -> {
			if (c.path("type").asString().equals("INDICATOR_ADDED")) {
				expected.add(c.path("objective").asString() + "/" + c.path("indicatorDefinition").path("code").asString());
			}
		});
		List<String> found = new ArrayList<>();
		for (JsonNode result : example.path("results")) {
			found.add(result.path("objective").asString() + "/" + result.path("indicator").asString());
			assertThat(result.path("planId").asString()).isEqualTo(DemoLoader.PLAN_ID);
			assertThat(result.path("checkpoint").asString()).isEqualTo("2018-12-31");
			assertThat(result.path("commentary").asString()).startsWith("Esempio, non dal documento.");
			if (!result.path("deviationCause").isNull()) {
				assertThat(result.path("deviationCause").asString()).isIn("EXTERNAL", "INTERNAL", "INDICATOR_DESIGN");
			}
		}
		assertThat(expected).hasSize(38);
		assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
		assertThat(example.path("results").findValues("deviationCause").stream().filter(c -> !c.isNull()))
				.hasSizeGreaterThanOrEqualTo(6);
	}

	private JsonNode read(String resource) throws IOException {
		try (InputStream in = YearEndExampleTest.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return json.readTree(in);
		}
	}
}
