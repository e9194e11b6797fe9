package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.cicloperformance.reportingservice.support.Browser;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What the dashboard's browser tests share: the one Chromium, the demo seeded once (plan {@link #PLAN}), the
 * service's address, and the look-ups and checks (axe-core, charts drawn, horizontal scrolling) they all use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DashboardInBrowser extends IntegrationTest {

	static final String PLAN = Seed.PLAN_ID;

	static final String JUNE = "2018-06-30";

	static final String DECEMBER = "2018-12-31";

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeAll
	void startTheBrowserAndSeedTheDemo() {
		browser = Browser.driver();
		DemoStack.seed(PLAN, scores);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void signIn(String username) {
		Browser.signIn(url(""), username);
	}

	/** Opens a dashboard page that exists and the reader may open. */
	void open(String path) {
		browser.get(url(path));
		assertThat(browser.getTitle()).as(path).doesNotContain("Pagina non trovata").doesNotContain("Error")
				.doesNotContain("Accesso");
	}

	String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	/** How far the page scrolls sideways (0 when it fits the window). */
	long pageOverflow() {
		return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
				.longValue();
	}

	void awaitCharts(String... ids) {
		for (String id : ids) {
			await().atMost(Duration.ofSeconds(10)).until(() -> "true".equals(
					browser.findElement(By.id(id)).getAttribute("data-rendered"))
					&& !browser.findElement(By.id(id)).findElements(By.tagName("canvas")).isEmpty());
		}
	}

	JsonNode chartData(String id) {
		Object json = script("return document.getElementById(arguments[0]).textContent;", id + "-data");
		return Seed.JSON.readTree((String) json);
	}

	/** The chart's option as ECharts holds it after drawing, as JSON (functions left out). */
	JsonNode chartOption(String id) {
		Object json = script("return JSON.stringify(echarts.getInstanceByDom(document.getElementById(arguments[0]))"
				+ ".getOption());", id);
		return Seed.JSON.readTree((String) json);
	}

	/** axe-core's WCAG 2.1 A/AA rules: no serious or critical violation (the others are printed). */
	void assertAccessible() {
		List<Browser.Violation> violations = Browser.accessibilityViolations();
		violations.forEach(v -> System.out.println("axe " + v.impact() + " " + v.id() + " on " + browser.getCurrentUrl()
				+ ": " + v.help() + " " + v.nodes()));
		assertThat(violations).as("axe-core: serious or critical WCAG 2.1 AA violations")
				.filteredOn(v -> "serious".equals(v.impact()) || "critical".equals(v.impact())).isEmpty();
	}
}
