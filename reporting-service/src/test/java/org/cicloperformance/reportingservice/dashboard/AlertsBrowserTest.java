package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.cicloperformance.reportingservice.support.Browser;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The alerts page in Chromium (issue 18): the demo's alerts with their arithmetic, axe-core, the manager's block, and
 * an alert cleared on the open page by a newer result, without a reload.
 */
class AlertsBrowserTest extends DashboardInBrowser {

	static final String LIVE_PLAN = "alerts-live-2018";

	@Test
	void thePlannerReadsTheAlertsWithTheirArithmetic() {
		signIn("pianificatore");
		open("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE);
		browser.findElement(By.linkText("Allerte")).click();

		assertThat(text("h1")).isEqualTo("Allerte sulle previsioni al 31/12/2018");
		assertThat(browser.findElements(By.cssSelector("#alerts-caption-table tbody tr"))).hasSize(5);
		assertThat(text("#alert-2\\.1\\.2-5")).contains("Alta", "10", "65", "lineare alla data",
				"previsti 10 contro un valore atteso di 65 al 31/12/2018 (scarto 55, oltre il 20%)",
				"Proponi una revisione");
		assertAccessible();
		Browser.screenshot("alerts");
		browser.findElement(By.cssSelector(".languages a[lang='en']")).click();
		assertThat(text("#alert-2\\.1\\.2-5")).contains("High", "linear to date",
				"10 expected against a target of 65 at 31/12/2018 (gap 55, over 20%)");
		assertAccessible();
		browser.findElement(By.cssSelector(".languages a[lang='it']")).click();
	}

	@Test
	void theManagerSeesTheirAlertsOnTheirScorecard() {
		signIn("dirigente");
		open("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE);

		assertThat(browser.findElements(By.cssSelector("#manager-alerts-caption-table tbody tr")))
				.extracting(WebElement::getText).hasSize(4).anySatisfy(row -> assertThat(row).startsWith("2.2.1/4"));
		assertAccessible();
	}

	@Test
	void anAlertClearedByANewerResultLeavesTheOpenPageWithoutAReload() {
		DemoStack.seed(LIVE_PLAN, scores);
		signIn("pianificatore");
		open("/dashboard/plans/" + LIVE_PLAN + "/alerts?checkpoint=" + JUNE);
		assertThat(browser.findElements(By.id("alert-2.2.1-4"))).hasSize(1);
		await().atMost(Duration.ofSeconds(10))
				.until(() -> "connected".equals(browser.findElement(By.tagName("body")).getAttribute("data-live")));
		script("window.notReloaded = true;");

		Events.publish("result-events", LIVE_PLAN,
				Seed.resultRecorded(LIVE_PLAN, "2.2.1", "4", JUNE, 2, Seed.numberValue("5")));

		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
				.ignoreException(StaleElementReferenceException.class)
				.until(() -> browser.findElements(By.id("alert-2.2.1-4")).isEmpty());
		assertThat(script("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(text("#forecast-2\\.2\\.1-4")).contains("in linea", "atteso almeno 10: in linea");
	}
}
