package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.support.Browser;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser (Debian's headless Chromium) on the demo data, published on the in-process
 * broker: figures checked against the JSON API, keyboard navigation, the CSV download, live updates (and what they
 * highlight), English, and axe-core's WCAG 2.1 AA rules on every page (the tablet: {@link TabletLayoutBrowserTest}). Each test signs in through the login form as
 * the planner (who reads everything) and leaves a screenshot in {@code target/screenshots/}.
 */
class DashboardBrowserTest extends DashboardInBrowser {

	/** The live-update test changes a result: it works on a plan of its own so the others keep the demo figures. */
	static final String LIVE_PLAN = "live-demo-2018";

	@BeforeEach
	void italianLaptopWithoutCookiesSignedInAsThePlanner() {
		browser.manage().window().setSize(Browser.LAPTOP);
		Browser.signIn(url(""), "pianificatore");
	}

	@Test
	void theRootRedirectsToThePlanListWhichLinksToTheOverview() {
		browser.get(url("/"));

		assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Piani della performance");
		WebElement plan = browser.findElement(By.cssSelector("#plans a[href*='/dashboard/plans/" + PLAN + "']"));
		assertThat(plan.getText()).isEqualTo("Piano della performance 2018");
		assertAccessible();
		Browser.screenshot("plans");
	}

	@Test
	void theOverviewShowsTheTreeWithTheScoresOfTheApi() throws Exception {
		JsonNode api = getJson("/api/plans/" + PLAN + "/checkpoints/" + JUNE + "/scores").path("node");

		open("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE);

		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
		assertThat(browser.findElement(By.tagName("h1")).getText())
				.isEqualTo("Panoramica dell'ente: Camera di Commercio di Brescia");
		assertThat(text("#entity-score")).isEqualTo(api.path("scoreText").asString()).isEqualTo("75,36%");
		assertThat(text("#entity-coverage")).isEqualTo(api.path("coverageText").asString());
		assertThat(score("node-2.1.3")).isEqualTo("91,48%");
		for (JsonNode area : api.path("children")) {
			assertThat(score("node-" + area.path("code").asString())).isEqualTo(area.path("scoreText").asString());
			for (JsonNode strategic : area.path("children")) {
				for (JsonNode objective : strategic.path("children")) {
					String shown = score("node-" + objective.path("code").asString());
					assertThat(shown).as(objective.path("code").asString())
							.isEqualTo(objective.path("scoreText").isNull() ? "—" : objective.path("scoreText").asString());
				}
			}
		}
		assertThat(row("node-2.1.3").getText()).contains("Verde — in linea", "dr Antonio d'Azzeo");
		assertThat(row("node-2.2.1").getText()).contains("52,50%", "Giallo — parziale");
		assertThat(row("node-1.1.3").getText()).contains("Grigio — non misurato");
		assertThat(browser.findElement(By.id("live-managers")).getText()).contains("dr Antonio d'Azzeo", "75,49%",
				"89,50%");
		assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("da 90,00%",
				"da 50,00% a 90,00% escluso", "sotto 50,00%");
		awaitCharts("chart-tree", "chart-managers");
		assertAccessible();
		Browser.screenshot("overview");
	}

	@Test
	void keyboardLinksLeadFromTheOverviewToAnObjectiveAndToAnIndicator() {
		open("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE);

		browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		WebElement skip = browser.switchTo().activeElement();
		assertThat(skip.getText()).isEqualTo("Vai al contenuto principale");
		skip.sendKeys(Keys.ENTER);
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

		WebElement objectiveLink = row("node-2.1.3").findElement(By.tagName("a"));
		assertThat(objectiveLink.getText()).startsWith("2.1.3 ");
		objectiveLink.sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/objectives/2.1.3"));
		assertThat(browser.findElement(By.tagName("h1")).getText())
				.startsWith("Procedimento unificato registro imprese");
		assertThat(text("#objective-score")).isEqualTo("91,48%");
		assertThat(text("#objective-arithmetic"))
				.isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 87,83%) / 100 = 91,48%");
		assertAccessible();
		Browser.screenshot("objective");

		WebElement indicatorLink = browser.findElement(By.id("indicator-2.1.3-3")).findElement(By.tagName("a"));
		indicatorLink.sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/indicators/2.1.3/3"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("allineamento dei dati");
		assertThat(browser.findElement(By.id("checkpoint-" + JUNE)).getText()).contains("min(527 / 600, 1) = 87,83%");
	}

	@Test
	void aManagersScorecardShowsObjectivesIndicatorsTrendAndIncentive() throws Exception {
		JsonNode api = getJson("/api/plans/" + PLAN + "/checkpoints/" + JUNE + "/managers/dazzeo").path("node");

		open("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE);

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("dr Antonio d'Azzeo");
		assertThat(text("#scorecard-score")).isEqualTo(api.path("scoreText").asString()).isEqualTo("75,49%");
		assertThat(text("#scorecard-coverage")).isEqualTo("89,50%");
		assertThat(text("#scorecard-band")).isEqualTo("proporzionale");
		assertThat(text("#scorecard-payout")).isEqualTo("75,49%");
		assertThat(browser.findElements(By.cssSelector("#live-objectives tr"))).extracting(WebElement::getText)
				.satisfiesExactly(r -> assertThat(r).startsWith("2.1.1 ").contains("20", "87,08%"),
						r -> assertThat(r).startsWith("2.1.2 ").contains("30", "80,08%", "65,00%"),
						r -> assertThat(r).startsWith("2.1.3 ").contains("20", "91,48%"),
						r -> assertThat(r).startsWith("2.2.1 ").contains("30", "52,50%"));
		assertThat(browser.findElement(By.id("indicator-2.1.3-3")).getText()).contains("600 posizioni",
				"527 posizioni", "-73", "87,83%");
		assertThat(browser.findElement(By.id("live-incentive")).getText()).contains("Fondo Dirigenti", "15.205,00 €",
				"7.982,63 €", "15.205 € × 52,50% = 7.982,63 €");
		assertThat(browser.findElements(By.cssSelector("#live-trend tr"))).extracting(WebElement::getText)
				.satisfiesExactly(r -> assertThat(r).startsWith("30/6").contains("75,49%"),
						r -> assertThat(r).startsWith("31/12"));
		awaitCharts("chart-objectives", "chart-trend");
		assertAccessible();
		Browser.screenshot("manager-dazzeo");
	}

	@Test
	void anOrganisationalAreaPageShowsItsObjectivesAndManager() throws Exception {
		JsonNode api = getJson("/api/plans/" + PLAN + "/checkpoints/" + JUNE + "/areas/AMM").path("node");

		open("/dashboard/plans/" + PLAN + "/areas/AMM?checkpoint=" + JUNE);

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Area Amministrativa");
		assertThat(text("#scorecard-score")).isEqualTo(api.path("scoreText").asString()).isEqualTo("50,00%");
		assertThat(text("#scorecard-coverage")).isEqualTo("56,00%");
		assertThat(browser.findElement(By.linkText("dr Massimo Ziletti")).getAttribute("href"))
				.contains("/managers/ziletti");
		assertThat(browser.findElements(By.cssSelector("#live-objectives tr"))).extracting(WebElement::getText)
				.satisfiesExactly(r -> assertThat(r).startsWith("3.1.1 ").contains("0,00%", "40,00%"),
						r -> assertThat(r).startsWith("3.1.2 ").contains("100,00%"),
						r -> assertThat(r).startsWith("3.1.3 ").contains("—", "0,00%"));
		assertAccessible();
		Browser.screenshot("area-amm");
	}

	@Test
	void anIndicatorPageExplainsTheScoreAndShowsHistoryCommentaryAndEvidence() {
		open("/dashboard/plans/" + PLAN + "/indicators/2.1.3/3?checkpoint=" + JUNE);

		WebElement june = browser.findElement(By.id("checkpoint-" + JUNE));
		assertThat(june.getText()).contains("30/06/2018", "600 posizioni", "527 posizioni", "-73", "87,83%",
				"min(527 / 600, 1) = 87,83%");
		assertThat(browser.findElement(By.id("checkpoint-2018-12-31")).getText()).contains("31/12/2018",
				"1.000 posizioni");
		assertThat(browser.findElements(By.cssSelector("#live-history tr"))).extracting(WebElement::getText)
				.singleElement().asString().contains("30/6", "527 posizioni", "Area Anagrafica", "10/07/2018", "sì")
				.as("the office, not the account that posted").doesNotContain("area-anagrafica");
		assertThat(browser.findElement(By.id("live-commentary")).getText()).contains(
				"I risultati risultano sostanzialmente in linea con le previsioni.",
				"Estrazione delle liste da Scriba e visure di allineamento");
		assertThat(browser.findElement(By.tagName("main")).getText())
				.contains("Nessuna revisione del piano ha modificato questo indicatore.");
		awaitCharts("chart-indicator");
		assertAccessible();
		Browser.screenshot("indicator-2.1.3-3");
	}

	@Test
	void anIndicatorTouchedByTheRevisionShowsTheOriginalAndTheRevisedTarget() {
		open("/dashboard/plans/" + PLAN + "/indicators/1.1.1/1?checkpoint=" + JUNE);

		List<WebElement> revisions = browser.findElements(By.cssSelector("#revisions tbody tr"));
		assertThat(revisions).hasSize(1);
		WebElement revision = revisions.get(0);
		assertThat(revision.findElement(By.tagName("th")).getText()).isEqualTo("2 (da 1)");
		assertThat(revision.getText()).contains("Target modificato", "31/12", "17/09/2018", "da 7 a 11");
		assertThat(revision.findElement(By.className("original")).getText()).startsWith("7 ");
		assertThat(revision.findElement(By.className("revised")).getText()).startsWith("11 ");
		assertThat(browser.findElement(By.id("checkpoint-2018-12-31")).getText()).contains("11 ");
		assertAccessible();
		Browser.screenshot("indicator-1.1.1-1-revision");
	}

	@Test
	void theHrFeedPageShowsTheStatusAndDownloadsTheCsv() throws Exception {
		open("/dashboard/plans/" + PLAN + "/hr-feed?checkpoint=" + JUNE);

		assertThat(text("#hr-status")).startsWith("Stato: Provvisorio");
		assertThat(browser.findElements(By.cssSelector("#live-hr-rows tr"))).extracting(WebElement::getText)
				.satisfiesExactly(r -> assertThat(r).startsWith("dr Massimo Ziletti").contains("50,00%", "56,00%"),
						r -> assertThat(r).startsWith("dr Antonio d'Azzeo").contains("75,49%", "proporzionale"),
						r -> assertThat(r).startsWith("dr.ssa Antonella Vairano").contains("100,00%", "piena"));
		assertThat(browser.findElement(By.id("live-hr-incentives")).getText())
				.contains("21.140 € × 52,50% = 11.098,50 €");
		assertAccessible();
		Browser.screenshot("hr-feed");

		Path expected = Browser.DOWNLOADS.resolve("hr-feed-" + PLAN + "-" + JUNE + ".csv");
		Files.deleteIfExists(expected);
		WebElement csvLink = browser.findElement(By.id("hr-csv"));
		assertThat(csvLink.getAttribute("href"))
				.endsWith("/dashboard/plans/" + PLAN + "/hr-feed.csv?checkpoint=" + JUNE);
		csvLink.sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(expected) && Files.size(expected) > 0
				&& noPartialDownloads());
		String csv = Files.readString(expected, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFtipo_riga;piano;verifica;stato;id_dirigente;");
		assertThat(csv.split("\r\n")).anySatisfy(line -> assertThat(line).startsWith(
				"DIRIGENTE;" + PLAN + ";" + JUNE + ";PROVISIONAL;dazzeo;dr Antonio d'Azzeo;ANA;Area Anagrafica;75,49;89,50;"));
	}

	@Test
	void theDashboardSpeaksEnglishOnRequestAndRemembersIt() {
		open("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE + "&lang=en");

		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(browser.findElement(By.tagName("h1")).getText())
				.isEqualTo("Entity overview: Camera di Commercio di Brescia");
		assertThat(score("node-2.1.3")).isEqualTo("91.48%");
		browser.findElement(By.linkText("HR feed")).click();
		assertThat(text("#hr-status")).startsWith("Status: Provisional");
		assertAccessible();
		Browser.screenshot("hr-feed-english");

		browser.findElement(By.cssSelector(".languages a[lang='it']")).click();
		assertThat(text("#hr-status")).startsWith("Stato: Provvisorio");
	}

	@Test
	void aNewResultUpdatesTheOpenPageWithoutAReload() {
		publishPlan(LIVE_PLAN, Seed.planPublished(LIVE_PLAN));
		publishResults(LIVE_PLAN, Seed.juneResults(LIVE_PLAN).stream()
				.filter(json -> "2.1.3".equals(Seed.JSON.readTree(json).path("objective").asString())).toList());
		awaitScores(LIVE_PLAN, JUNE, d -> d.scorecard().indicators().stream()
				.filter(i -> i.objective().equals("2.1.3")).allMatch(i -> i.result() != null));
		open("/dashboard/plans/" + LIVE_PLAN + "?checkpoint=" + JUNE);
		assertThat(score("node-2.1.3")).isEqualTo("91,48%");
		String entityBefore = text("#entity-score");
		await().atMost(Duration.ofSeconds(10))
				.until(() -> "connected".equals(browser.findElement(By.tagName("body")).getAttribute("data-live")));
		((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
		// every figure the page highlights, with the id around it, whenever it happens
		script("""
				window.highlighted = [];
				new MutationObserver(changes => changes.forEach(c => {
				  if (c.target.classList.contains('changed')) {
				    const owner = c.target.closest('[id]');
				    window.highlighted.push((owner ? owner.id : '') + ' ' + c.target.textContent.replace(/\\s+/g, ' ').trim());
				  }
				})).observe(document.body, { attributes: true, attributeFilter: ['class'], subtree: true });
				""");

		Events.publish("result-events", LIVE_PLAN,
				Seed.resultRecorded(LIVE_PLAN, "2.1.3", "3", JUNE, 2, Seed.numberValue("600")));

		// the live regions are swapped while we look: an element found just before the swap is gone after it
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
				.ignoreException(StaleElementReferenceException.class)
				.until(() -> score("node-2.1.3").equals("100,00%") && !text("#entity-score").equals(entityBefore));
		Browser.screenshotOfScreen("live-update-highlight");
		assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(browser.findElement(By.id("live-status")).getText()).startsWith("Punteggi aggiornati alle");
		String entityAfter = text("#entity-score");
		@SuppressWarnings("unchecked")
		List<String> highlighted = (List<String>) script("return window.highlighted;");
		assertThat(highlighted).as("the figures that moved, highlighted").contains("node-2.1.3 100,00%",
				"entity-score " + entityAfter);
		assertThat(highlighted).as("figures that did not move stay plain")
				.noneMatch(h -> h.startsWith("node-2.1.1 ") || h.startsWith("node-1.1.1 "));
		Browser.screenshot("live-update");
		await().atMost(Duration.ofSeconds(10))
				.until(() -> browser.findElements(By.cssSelector(".changed")).isEmpty());
	}

	@Test
	void theAccessibilityCheckReportsAViolationWhenThereIsOne() {
		open("/dashboard");
		((JavascriptExecutor) browser).executeScript(
				"document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/nothing.png\">');");

		assertThat(Browser.accessibilityViolations()).extracting(Browser.Violation::id, Browser.Violation::impact)
				.contains(org.assertj.core.groups.Tuple.tuple("image-alt", "critical"));
		Browser.screenshot("accessibility-check-with-an-image-without-alt");
	}

	// --- helpers ---

	private WebElement row(String id) {
		return browser.findElement(By.id(id));
	}

	private String score(String rowId) {
		return browser.findElement(By.cssSelector("[id='" + rowId + "'] .score")).getText();
	}

	private static boolean noPartialDownloads() throws IOException {
		try (Stream<Path> files = Files.list(Browser.DOWNLOADS)) {
			return files.noneMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
		}
	}
}
