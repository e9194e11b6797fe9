package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.support.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evaluator fills in a scheda di valutazione in Chromium with the keyboard only (issue 16): creates it from the
 * FINAL scores, chooses each behaviour's level on its radio group, sees a missing reason refused next to its field
 * with the error summary focused, saves, and proposes the scheda; axe-core on every page, and the scheda and the
 * pay table fit a tablet without scrolling sideways.
 */
class EvaluationBrowserTest extends DashboardInBrowser {

	static final String EVALUATION_PLAN = "evaluation-browser-2018";

	static final String SCHEDE = "/dashboard/plans/" + EVALUATION_PLAN + "/schede";

	@Autowired
	CurrentScores current;

	@BeforeAll
	void closeTheYear() {
		EvaluationForms.results(EVALUATION_PLAN, scores);
		EvaluationForms.close(EVALUATION_PLAN, current);
	}

	@Test
	void theEvaluatorRatesAndProposesWithTheKeyboardOnly() {
		signIn("segretario");
		open(SCHEDE);
		assertThat(browser.getTitle()).startsWith("Schede di valutazione");
		assertAccessible();

		browser.findElement(By.id("create-dazzeo")).sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("Scheda di valutazione di"));
		assertThat(text("#evaluation-sent")).contains("Scheda creata");
		assertThat(text("#scheda-state")).contains("Bozza");
		assertAccessible();

		// a radio group per behaviour: the space bar chooses the focused level; DIFF at 2 needs a reason
		choose("DIFF", 2);
		choose("RIS", 5);
		choose("RIS-UM", 3);
		choose("COLL", 4);
		browser.findElement(By.id("save-ratings")).sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("error-summary")).isEmpty());
		assertThat(browser.getTitle()).startsWith("(1 da correggere)");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
		assertThat(text("#reason-DIFF-error")).contains("La motivazione è obbligatoria.");
		assertThat(browser.findElement(By.id("reason-DIFF")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("level-DIFF-2")).isSelected()).as("the level chosen is kept").isTrue();
		assertAccessible();
		Browser.screenshot("evaluation-refused");

		// the summary's link leads to the field; the reason typed there, the ratings saved
		browser.findElement(By.cssSelector("#error-summary a[href='#reason-DIFF']")).sendKeys(Keys.ENTER);
		browser.findElement(By.id("reason-DIFF")).sendKeys("Valutazioni dei collaboratori tutte uguali");
		browser.findElement(By.id("save-ratings")).sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("total-arithmetic")).isEmpty());
		assertThat(text("#evaluation-sent")).contains("Valutazioni salvate");
		assertThat(text("#total-arithmetic")).contains("(obiettivi propri)").contains("(comportamenti)");
		assertAccessible();
		Browser.screenshot("evaluation-scheda");

		browser.findElement(By.id("action-PROPOSE")).sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> text("#scheda-state").contains("Proposta al dirigente"));
		assertThat(text("#review-deadline")).matches(".*\\d{2}/\\d{2}/\\d{4}.*");
		assertThat(browser.findElements(By.name("level-DIFF"))).as("a proposed scheda is not rated").isEmpty();
		assertThat(text("#rating-DIFF")).contains("2 — Parzialmente adeguato");
		assertAccessible();
	}

	@Test
	void theSchedaAndThePayTableFitATabletAndPassAxe() {
		Dimension before = browser.manage().window().getSize();
		try {
			browser.manage().window().setSize(Browser.TABLET);
			signIn("segretario");
			open(SCHEDE);
			if (!browser.findElements(By.id("create-vairano")).isEmpty()) {
				browser.findElement(By.id("create-vairano")).sendKeys(Keys.ENTER);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> browser.getTitle().startsWith("Scheda di valutazione di"));
			}
			for (String page : new String[] { SCHEDE, SCHEDE + "/vairano" }) {
				open(page);
				assertThat(pageOverflow()).as(page).isLessThanOrEqualTo(0);
				assertAccessible();
			}
			signIn("personale");
			open("/dashboard/plans/" + EVALUATION_PLAN + "/pay");
			assertThat(pageOverflow()).as("pay").isLessThanOrEqualTo(0);
			assertThat(text("#pay-totals")).contains("€");
			assertAccessible();
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

	/** The behaviour's level chosen from the keyboard: the space bar on its radio button (focused by the keystroke). */
	private void choose(String behaviour, int level) {
		var radio = browser.findElement(By.id("level-" + behaviour + "-" + level));
		radio.sendKeys(Keys.SPACE);
		assertThat(radio.isSelected()).as(behaviour + " " + level).isTrue();
	}
}
