package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.cicloperformance.reportingservice.support.Browser;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The completion board page in Chromium (issue 18): reached from the overview, the demo's 30/6 a week before the
 * closing (all 25 missing), axe-core, and a result posted while the page is open counted without a reload.
 */
class CompletionBrowserTest extends DashboardInBrowser {

	static final String LIVE_PLAN = "completion-live-2018";

	static String calendar(String planId) {
		return """
				{"type":"CalendarSet","eventId":"%s","planId":"%s","entity":"cciaa-brescia","checkpoint":"2018-06-30",
				 "revision":1,"opensOn":"2018-06-01","closesOn":"2018-07-15","assignments":[],
				 "occurredAt":"2026-12-03T10:00:00Z","causedBy":"pianificazione"}"""
				.formatted(java.util.UUID.randomUUID(), planId);
	}

	@Test
	void fromTheOverviewThePlannerSeesWhatWasMissingAWeekBeforeTheClosing() {
		Events.publish("checkpoint-events", PLAN, calendar(PLAN));
		signIn("pianificatore");
		open("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE);
		browser.findElement(By.cssSelector("#overview-links a")).click();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			browser.navigate().refresh();
			return !browser.findElements(By.id("week-before")).isEmpty();
		});
		assertThat(text("#completion-posted")).isEqualTo("25");
		browser.findElement(By.id("week-before")).click();

		assertThat(text("#completion-calendar"))
				.isEqualTo("Raccolta dei risultati dal 01/06/2018 al 15/07/2018 (aperta). Situazione al 08/07/2018.");
		assertThat(text("#completion-missing")).isEqualTo("25");
		assertThat(text("#office-ANA")).startsWith("Area Anagrafica 16 0 16 0");
		assertAccessible();
		Browser.screenshot("completion");
	}

	@Test
	void aResultPostedWhileThePageIsOpenIsCountedWithoutAReload() {
		publishPlan(LIVE_PLAN, Seed.planPublished(LIVE_PLAN));
		publishResults(LIVE_PLAN, Seed.juneResults(LIVE_PLAN).stream()
				.filter(json -> "2.1.3".equals(Seed.JSON.readTree(json).path("objective").asString())).toList());
		awaitScores(LIVE_PLAN, JUNE, d -> d.scorecard().indicators().stream()
				.filter(i -> i.objective().equals("2.1.3")).allMatch(i -> i.result() != null));
		signIn("pianificatore");
		open("/dashboard/plans/" + LIVE_PLAN + "/completion?checkpoint=" + JUNE);
		String posted = text("#completion-posted");
		await().atMost(Duration.ofSeconds(10))
				.until(() -> "connected".equals(browser.findElement(By.tagName("body")).getAttribute("data-live")));
		script("window.notReloaded = true;");

		Events.publish("result-events", LIVE_PLAN,
				Seed.resultRecorded(LIVE_PLAN, "2.2.1", "4", JUNE, 1, Seed.numberValue("2")));

		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
				.ignoreException(StaleElementReferenceException.class)
				.until(() -> Integer.parseInt(text("#completion-posted")) == Integer.parseInt(posted) + 1);
		assertThat(script("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(text("#completion-2\\.2\\.1\\/4")).contains("Inviati");
		// the board holds no scores: what changed is announced as data
		await().atMost(Duration.ofSeconds(5)).ignoreException(StaleElementReferenceException.class)
				.until(() -> text("#live-status").startsWith("Dati aggiornati alle"));
	}
}
