package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;

/**
 * The charts' data as {@code dashboard.js} reads it: the keys it looks for, percentage points for the axes and the
 * Italian texts for the labels. Each block is also written to {@code target/chart-data/} to compare by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartDataTest extends IntegrationTest {

	static final String PLAN = "/dashboard/plans/" + Seed.PLAN_ID;

	MockHttpSession planner;

	@BeforeAll
	void seedTheDemoAndSignIn() {
		DemoStack.seed(Seed.PLAN_ID, scores);
		planner = SignIn.as(mvc, "pianificatore");
	}

	@Test
	void theOverviewsSunburstHasAreasStrategicObjectivesAndObjectivesWithTheirShares() throws Exception {
		JsonNode tree = chart(PLAN + "?checkpoint=2018-06-30", "chart-tree");
		JsonNode managers = chart(PLAN + "?checkpoint=2018-06-30", "chart-managers");

		assertThat(tree.path("type").asString()).isEqualTo("sunburst");
		assertThat(tree.path("center").path("text").asString()).endsWith("%").contains(",");
		JsonNode area = tree.path("data").get(0);
		assertThat(area.has("value")).isFalse();
		JsonNode objective = area.path("children").get(0).path("children").get(0);
		assertThat(objective.has("children")).isFalse();
		assertThat(objective.path("value").isNumber()).isTrue();
		assertThat(objective.path("light").asString()).isIn("GREEN", "AMBER", "RED", "NONE");
		assertThat(managers.path("type").asString()).isEqualTo("bars");
		assertThat(managers.path("series").asString()).isEqualTo("Punteggio");
		assertThat(managers.path("bars").get(0).propertyNames()).containsExactly("label", "value", "text", "light");
	}

	@Test
	void aScorecardHasItsObjectivesAsBarsAndItsTrendAsLines() throws Exception {
		JsonNode objectives = chart(PLAN + "/managers/dazzeo?checkpoint=2018-06-30", "chart-objectives");
		JsonNode trend = chart(PLAN + "/managers/dazzeo?checkpoint=2018-06-30", "chart-trend");

		assertThat(objectives.path("type").asString()).isEqualTo("bars");
		assertThat(trend.path("type").asString()).isEqualTo("lines");
		assertThat(trend.path("unit").asString()).isEqualTo("%");
		assertThat(trend.path("series")).hasSize(2);
		assertThat(trend.path("series").get(0).propertyNames()).containsExactly("name", "values", "texts");
	}

	@Test
	void aNumericIndicatorHasItsTargetsAndResultsAsColumnsWithoutAUnit() throws Exception {
		JsonNode chart = chart(PLAN + "/indicators/1.1.1/1?checkpoint=2018-06-30", "chart-indicator");

		assertThat(chart.path("type").asString()).isEqualTo("columns");
		assertThat(chart.has("unit")).isFalse();
		assertThat(chart.path("series").get(0).path("name").asString()).isEqualTo("Target");
	}

	private JsonNode chart(String page, String id) throws Exception {
		String html = mvc.perform(get(page).session(planner)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		Matcher block = Pattern.compile("<script type=\"application/json\" id=\"" + id + "-data\"[^>]*>(.*?)</script>",
				Pattern.DOTALL).matcher(html);
		assertThat(block.find()).as(id + " on " + page).isTrue();
		Path dump = Path.of("target", "chart-data", id + "-" + page.replaceAll("[^a-z0-9]+", "-") + ".json");
		Files.createDirectories(dump.getParent());
		Files.writeString(dump, block.group(1));
		return Seed.JSON.readTree(block.group(1));
	}
}
