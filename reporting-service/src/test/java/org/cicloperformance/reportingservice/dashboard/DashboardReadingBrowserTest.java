package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard as directors and offices read it (issue 19), in Chromium on the demo: no false alarm for a
 * checkpoint without data, what is critical at a glance, no code where a word belongs, an Italian page for an
 * address that does not exist. Signed in as the planner, who reads every page.
 */
class DashboardReadingBrowserTest extends DashboardInBrowser {

	@BeforeEach
	void italianLaptopSignedInAsThePlanner() {
		browser.manage().window().setSize(Browser.LAPTOP);
		Browser.signIn(url(""), "pianificatore");
	}

	@Test
	void aYearEndWithoutResultsYetIsToBeMeasuredNotADisaster() {
		open("/dashboard/plans/" + PLAN + "?checkpoint=" + DECEMBER);

		assertThat(text("#entity-score")).isEqualTo("Da misurare");
		assertThat(text("#entity-coverage")).isEqualTo("—");
		assertThat(text("#live-summary")).contains("Da misurare — nessun dato").doesNotContain("Rosso")
				.doesNotContain("0,00%").doesNotContain("100,00%");
		assertThat(text("#missing-rule")).startsWith("Verifica finale ancora aperta")
				.contains("Alla chiusura la politica di valutazione li conterà 0");
		assertThat(text("#live-tree")).contains("Da misurare — nessun dato").doesNotContain("Rosso")
				.doesNotContain("0,00%");
		assertThat(text("#live-managers")).contains("Da misurare").doesNotContain("Rosso").doesNotContain("0,00%");
		JsonNode sunburst = chartData("chart-tree");
		assertThat(sunburst.path("center").path("text").asString()).isEqualTo("Da misurare");
		assertThat(sunburst.toString()).doesNotContain("\"RED\"").contains("\"TO_MEASURE\"");
		Browser.screenshot("overview-december-to-measure");

		open("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + DECEMBER);
		assertThat(text("#scorecard-score")).isEqualTo("Da misurare");
		assertThat(text("#scorecard-coverage")).isEqualTo("—");
		assertThat(text("#indicator-2\\.1\\.3-3")).contains("1.000 posizioni", "Da misurare — nessun dato")
				.doesNotContain("0,00%").doesNotContain("Rosso");
		assertThat(browser.findElements(By.cssSelector("#live-trend tr"))).extracting(WebElement::getText)
				.satisfiesExactly(r -> assertThat(r).startsWith("30/6").contains("75,49%"),
						r -> assertThat(r).startsWith("31/12").contains("Da misurare").doesNotContain("0,00%"));
		JsonNode trend = chartData("chart-trend");
		assertThat(trend.path("categories")).extracting(JsonNode::asString).containsExactly("30/6");
		Browser.screenshot("manager-dazzeo-december-to-measure");

		open("/dashboard/plans/" + PLAN + "/indicators/2.1.3/3?checkpoint=" + DECEMBER);
		assertThat(text("[id='checkpoint-" + DECEMBER + "']")).contains("1.000 posizioni", "Da misurare")
				.doesNotContain("0,00%").doesNotContain("Rosso");
	}

	@Test
	void atJuneTheFiguresStayAsTheEngineStoredThem() {
		open("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE);

		assertThat(text("#entity-score")).isEqualTo("75,36%");
		assertThat(browser.findElements(By.id("missing-rule"))).isEmpty();
		assertThat(text("[id='node-1.1.3']")).contains("Grigio — non misurato");
	}

	@Test
	void theCriticalBlockListsTheRedAndAmberIndicatorsWorstFirstEachLinked() {
		open("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE);

		List<String> overview = criticalCodes();
		assertThat(overview).contains("2.1.1/2", "2.1.2/5", "2.2.1/2", "2.2.1");
		assertThat(overview.indexOf("2.2.1/2")).isLessThan(overview.indexOf("2.1.2/5"));
		assertThat(overview.indexOf("2.1.2/5")).isLessThan(overview.indexOf("2.1.1/2"));
		assertThat(text("[data-code='2.2.1/2']")).contains("Rosso — critico", "0,00%");
		assertThat(text("[data-code='2.1.2/5']")).contains("Rosso — critico", "25,00%");
		assertThat(text("[data-code='2.1.1/2']")).contains("Rosso — critico", "48,33%");
		assertThat(text("[data-code='2.2.1']")).contains("Giallo — parziale", "52,50%");
		assertThat(overview).contains("2.1.3/3").doesNotContain("2.1.3");
		browser.findElement(By.cssSelector("[data-code='2.1.2/5'] a")).click();
		assertThat(browser.getCurrentUrl()).contains("/indicators/2.1.2/5");
		Browser.screenshot("indicator-2.1.2-5-from-critical");

		open("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE);
		assertThat(criticalCodes()).contains("2.1.1/2", "2.1.2/5", "2.2.1/2").allMatch(c -> c.startsWith("2."));
		Browser.screenshot("manager-dazzeo-critical");
		open("/dashboard/plans/" + PLAN + "/areas/AMM?checkpoint=" + JUNE);
		assertThat(criticalCodes()).isNotEmpty().allMatch(c -> c.startsWith("3."));
	}

	@Test
	void everyIndicatorRowHasItsTrafficLight() {
		open("/dashboard/plans/" + PLAN + "/objectives/2.1.1?checkpoint=" + JUNE);
		assertThat(text("[id='indicator-2.1.1-2']")).contains("48,33%", "Rosso — critico");
		for (WebElement row : browser.findElements(By.cssSelector("#live-indicators tbody tr"))) {
			assertThat(row.findElements(By.cssSelector(".badge"))).as(row.getText()).hasSize(1);
		}

		open("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE);
		assertThat(text("[id='indicator-2.1.2-5']")).contains("25,00%", "Rosso — critico");
		assertThat(text("[id='indicator-2.1.3-3']")).contains("87,83%", "Giallo — parziale");
		List<WebElement> rows = browser.findElements(By.cssSelector("#live-indicators tbody tr"));
		assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.findElements(By.cssSelector(".badge"))).hasSize(1));

		open("/dashboard/plans/" + PLAN + "/areas/AMM?checkpoint=" + JUNE);
		rows = browser.findElements(By.cssSelector("#live-indicators tbody tr"));
		assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.findElements(By.cssSelector(".badge"))).hasSize(1));
	}

	/** Every dashboard page a planner can open on the demo, with each measure kind and both checkpoints. */
	static final List<String> PAGES = List.of("/dashboard", "/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "?checkpoint=" + DECEMBER, "/dashboard/plans/" + PLAN + "/hr-feed?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/hr-feed?checkpoint=" + DECEMBER,
			"/dashboard/plans/" + PLAN + "/objectives/2.1.1?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/objectives/2.2.1?checkpoint=" + DECEMBER,
			"/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/managers/vairano?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/managers/ziletti?checkpoint=" + DECEMBER,
			"/dashboard/plans/" + PLAN + "/areas/AMM?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/areas/PRM?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/indicators/2.1.3/3?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/indicators/1.1.1/1?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/indicators/1.1.1/4?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/indicators/2.1.1/2?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/indicators/2.1.1/3?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/indicators/2.2.1/1?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/indicators/1.1.4/1?checkpoint=" + DECEMBER,
			"/dashboard/plans/" + PLAN + "/alerts?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/completion?checkpoint=" + JUNE + "&asOf=2018-07-08");

	@Test
	void noPageShowsACodeOfTheEnginesEnumsOrOfThePolicysBands() {
		Pattern codes = EnumCodes.pattern();
		assertThat(codes.matcher("fascia PROPORTIONAL (ZERO) PROVISIONAL").results().count())
				.as("the scan itself finds codes").isEqualTo(3);
		List<String> found = new java.util.ArrayList<>();
		for (String page : PAGES) {
			for (String language : List.of("", "&lang=en")) {
				if (!language.isEmpty() && !page.contains("?")) {
					continue;
				}
				open(page + language);
				String visible = browser.getTitle() + "\n" + browser.findElement(By.tagName("body")).getText();
				codes.matcher(visible).results()
						.forEach(m -> found.add(page + language + ": " + m.group() + " in «" + around(visible, m.start()) + "»"));
			}
		}
		assertThat(found).as("codes on pages").isEmpty();
	}

	@Test
	void aTrimmedAddressIsTheItalianNotFoundPage() {
		browser.get(url("/dashboard/plans"));

		assertThat(browser.getTitle()).startsWith("Pagina non trovata");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
		assertThat(text("h1")).isEqualTo("Pagina non trovata");
		assertThat(text("main")).contains("L'indirizzo /dashboard/plans non corrisponde a nessuna pagina del cruscotto.");
		assertThat(text("#signed-in")).contains("pianificatore");
		browser.findElement(By.linkText("Torna all'elenco dei piani")).click();
		assertThat(text("h1")).isEqualTo("Piani della performance");
		Browser.screenshot("not-found");
	}

	@Test
	void theWordingSpeaksToPeopleAndTheChartsGroupThousandsLikeTheTables() {
		open("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE);

		assertThat(text("main")).doesNotContain("Testo alternativo");
		WebElement note = browser.findElement(By.id("chart-objectives-note"));
		assertThat(note.getAttribute("textContent")).isEqualTo("Gli stessi valori sono nella tabella di questa sezione.");
		assertThat(note.getRect().getWidth()).as("a note for screen readers only, not body text").isLessThanOrEqualTo(1);
		assertThat(browser.findElement(By.id("chart-objectives")).getAttribute("aria-describedby"))
				.isEqualTo("chart-objectives-note");
		assertThat(text("footer")).doesNotContain("servizio");
		browser.get(url("/dashboard/plans/nessuno"));
		assertThat(text("main")).contains("Il piano nessuno non è noto.").doesNotContain("e'").doesNotContain("servizio");

		open("/dashboard/plans/" + PLAN + "/indicators/2.1.3/3?checkpoint=" + JUNE);
		await().atMost(Duration.ofSeconds(10)).until(() -> "true"
				.equals(browser.findElement(By.id("chart-indicator")).getAttribute("data-rendered")));
		Object axis = ((JavascriptExecutor) browser).executeScript(
				"return echarts.getInstanceByDom(document.getElementById('chart-indicator')).getOption()"
						+ ".yAxis[0].axisLabel.formatter(3000);");
		assertThat(axis).isEqualTo("3.000");
	}

	// --- helpers ---

	private static String around(String text, int at) {
		return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)).replace('\n', ' ');
	}

	private List<String> criticalCodes() {
		return browser.findElements(By.cssSelector("#critical-list li")).stream()
				.map(li -> li.getAttribute("data-code")).toList();
	}

	static List<String> lines(String text) {
		return List.of(text.split("\n"));
	}
}
