package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The charts as drawn in Chromium (issue 19): the sunburst names its segments with the codes as a second line and
 * keeps the entity's name whole in its centre, the objective names on the bars are whole, the labels of the trend
 * lines do not overlap, and every chart keeps the visible table of its figures. The texts are read from the canvas's
 * scene (ZRender's display list), as drawn.
 */
class ChartsBrowserTest extends DashboardInBrowser {

	@BeforeEach
	void signedInAsThePlanner() {
		browser.manage().window().setSize(Browser.LAPTOP);
		signIn("pianificatore");
	}

	@Test
	void theSunburstWritesNamesOnItsSegmentsWithTheCodesAndTheCentreWhole() {
		for (org.openqa.selenium.Dimension size : List.of(Browser.LAPTOP, Browser.TABLET)) {
			browser.manage().window().setSize(size);
			open("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE);
			awaitCharts("chart-tree");

			List<String> texts = texts("chart-tree");
			assertThat(texts).as("at " + size).contains("75,36%", "Camera di Commercio di Brescia")
					.anySatisfy(t -> assertThat(t).isEqualTo("Procedimento unificato Reg Imprese/rea/suaP 2.1.3"))
					.anySatisfy(t -> assertThat(t).isEqualTo("Efficientamento Energetico 3.1.2"))
					.noneMatch(t -> t.contains("…") || t.contains("..."));
			assertThat(texts.stream().filter(t -> t.matches(".*\\p{L}.* \\d(\\.\\d)*")).count())
					.as("segments named, with their codes, at " + size).isGreaterThanOrEqualTo(8);
		}
		browser.manage().window().setSize(Browser.LAPTOP);
		Browser.screenshot("overview-sunburst");
		script("document.getElementById('chart-tree-title').scrollIntoView();");
		Browser.screenshotOfScreen("overview-sunburst-screen");
	}

	@Test
	void theObjectiveNamesOnTheManagersBarsAreWhole() {
		open("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE);
		awaitCharts("chart-objectives");

		assertThat(texts("chart-objectives")).contains(
				"La qualità del dato al fine di valorizzare il ruolo del Registro imprese 2.1.1",
				"Fascicolo Informatico d'impresa e progetto V@lli resilienti -3 fase 2.1.2",
				"Procedimento unificato Reg Imprese/rea/suaP 2.1.3",
				"Azioni di vigilanza e controllo del mercato in sinergia con altri organismi 2.2.1", "87,08%",
				"52,50%").noneMatch(t -> t.contains("…") || t.contains("..."));
		assertThat(browser.findElement(By.id("live-objectives")).isDisplayed()).as("the table of the same figures")
				.isTrue();
	}

	@Test
	void theLabelsOfTheTrendLinesDoNotOverlap() {
		// 2.1.3 at 30/6: score 91,48%, coverage 100,00%, two points close together
		open("/dashboard/plans/" + PLAN + "/objectives/2.1.3?checkpoint=" + JUNE);
		awaitCharts("chart-trend");

		List<Map<String, Object>> labels = boxes("chart-trend").stream()
				.filter(b -> b.get("text").equals("91,48%") || b.get("text").equals("100,00%")).toList();
		assertThat(labels).hasSize(2);
		assertThat(overlap(labels.get(0), labels.get(1))).as("the two labels overlap: " + labels).isFalse();
		assertThat(browser.findElement(By.id("live-trend")).isDisplayed()).as("the table of the same figures").isTrue();
		assertThat(browser.findElement(By.id("chart-trend-note")).getRect().getWidth())
				.as("the note for screen readers is not body text").isLessThanOrEqualTo(1);
		Browser.screenshot("objective-2.1.3-trend");
	}

	/** The texts drawn in a chart, each on one line, the codes' markup ({c|…}) left out. */
	private List<String> texts(String id) {
		return boxes(id).stream().map(b -> (String) b.get("text")).toList();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> boxes(String id) {
		return (List<Map<String, Object>>) script("""
				const chart = echarts.getInstanceByDom(document.getElementById(arguments[0]));
				// a text of several lines or styles is drawn as pieces: the text they belong to, once
				const texts = new Set();
				chart.getZr().storage.getDisplayList(true)
				  .filter(e => e.style && typeof e.style.text === 'string' && !e.ignore && !e.invisible)
				  .forEach(e => texts.add(e.parent && e.parent.style && typeof e.parent.style.text === 'string' ? e.parent : e));
				return [...texts].filter(e => e.style.text.trim())
				  .map(e => {
				    const box = e.getBoundingRect().clone();
				    const transform = e.getComputedTransform ? e.getComputedTransform() : e.transform;
				    if (transform) { box.applyTransform(transform); }
				    return { text: e.style.text.replace(/\\{\\w+\\|([^}]*)\\}/g, '$1').replace(/\\s+/g, ' ').trim(),
				      x: box.x, y: box.y, width: box.width, height: box.height };
				  });
				""", id);
	}

	private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
		double ax = number(a, "x"), ay = number(a, "y"), aw = number(a, "width"), ah = number(a, "height");
		double bx = number(b, "x"), by = number(b, "y"), bw = number(b, "width"), bh = number(b, "height");
		return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
	}

	private static double number(Map<String, Object> box, String key) {
		return ((Number) box.get(key)).doubleValue();
	}
}
