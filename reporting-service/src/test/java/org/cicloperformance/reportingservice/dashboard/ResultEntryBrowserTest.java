package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.reportingservice.support.Browser;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.MonitoringStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An area office enters and corrects a result in the dashboard (issue 19) while a director's page is open in
 * another session: keyboard only on the form, the Italian format refused next to its field, the engine's preview,
 * the file attached, the director's page updated live, the correction opening with the commentary and evidence in
 * force; axe-core and the tablet on the entry pages. monitoring-service is its stand-in ({@link MonitoringStub}),
 * which publishes accepted results on {@code result-events} as monitoring's relay does.
 */
class ResultEntryBrowserTest extends DashboardInBrowser {

	static final String ENTRY_PLAN = "entry-browser-2018";

	@Autowired
	ResultFacts results;

	ChromeDriver director;

	@BeforeAll
	void seedAPlanOfItsOwnAndOpenTheDirectorsBrowser() {
		DemoStack.seed(ENTRY_PLAN, scores);
		MonitoringStub.knownVersions(key -> {
			String[] parts = key.split("#");
			return results.latest(parts[0], parts[1], parts[2], parts[3]).map(ResultFact::resultVersion).orElse(0);
		});
		director = Browser.another();
	}

	@AfterAll
	void closeTheDirectorsBrowser() {
		if (director != null) {
			director.quit();
		}
	}

	@Test
	void anOfficeEntersCorrectsAndAttachesEvidenceWhileTheDirectorsPageUpdatesLive() throws IOException {
		signInAs(director, "pianificatore");
		director.get(url("/dashboard/plans/" + ENTRY_PLAN + "?checkpoint=" + JUNE));
		assertThat(score(director, "node-2.1.3")).isEqualTo("91,48%");
		await().atMost(Duration.ofSeconds(10))
				.until(() -> "connected".equals(director.findElement(By.tagName("body")).getAttribute("data-live")));

		signIn("ufficio");
		open("/dashboard/plans/" + ENTRY_PLAN + "/areas/ANA?checkpoint=" + JUNE);
		browser.findElement(By.id("nav-entry")).click();
		assertThat(browser.getTitle()).startsWith("Risultati da inserire alla verifica 30/6");
		assertThat(text("#entry-2\\.1\\.3-3")).contains("600", "527", "versione 1", "Correggi");
		assertAccessible();
		Browser.screenshot("entry-list");

		// keyboard only: the link of 2.1.3/3, then the form
		browser.findElement(By.cssSelector("#entry-2\\.1\\.3-3 a")).sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("Risultato di 2.1.3/3"));
		assertThat(text("#carried")).contains("Correzione della versione 1");
		assertThat(browser.findElement(By.id("commentary")).getAttribute("value"))
			.isEqualTo("I risultati risultano sostanzialmente in linea con le previsioni.");
		assertAccessible();

		// a dot for decimals: refused next to the field, the summary focused and linking it
		replace("number", "600.5");
		browser.findElement(By.id("send")).sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("error-summary")).isEmpty());
		assertThat(browser.getTitle()).startsWith("(1 da correggere)");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
		assertThat(text("#number-error")).contains("Usare la virgola per i decimali");
		assertThat(browser.findElement(By.id("number")).getAttribute("aria-invalid")).isEqualTo("true");
		assertAccessible();
		Browser.screenshot("entry-form-refused");

		// the preview: the engine's achievement of 600 against 600
		replace("number", "600");
		browser.findElement(By.cssSelector("button[value='preview']")).sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("preview")).isEmpty());
		assertThat(text("#preview-achievement")).contains("100,00%").contains("Verde");
		assertThat(text("#preview-deviation")).matches("[+]?0");
		Browser.screenshot("entry-form-preview");

		// send, with a file for the OIV
		Path pdf = Files.createTempFile("verbale-", ".pdf");
		Files.writeString(pdf, "%PDF-1.4 verbale di allineamento");
		browser.findElement(By.id("file")).sendKeys(pdf.toString());
		replace("fileDescription", "Verbale di allineamento");
		browser.findElement(By.id("send")).sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("entry-sent")).isEmpty());
		assertThat(text("#entry-sent")).contains("Risultato di 2.1.3/3 inviato (versione 2) con il file allegato");
		assertThat(MonitoringStub.received()).anyMatch(r -> r.path().equals(
				"/api/results/" + ENTRY_PLAN + "/2.1.3/3/" + JUNE + "/evidence") && r.user().equals("ufficio"));

		// the director's page, in the other session, follows without a reload
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
				.ignoreException(StaleElementReferenceException.class)
				.until(() -> score(director, "node-2.1.3").equals("100,00%"));

		// the office's list too, once reloaded; a correction starts from what version 2 says
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			browser.navigate().refresh();
			return text("#entry-2\\.1\\.3-3").contains("versione 2");
		});
		browser.findElement(By.cssSelector("#entry-2\\.1\\.3-3 a")).sendKeys(Keys.ENTER);
		await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().startsWith("Risultato di 2.1.3/3"));
		assertThat(text("#carried")).contains("Correzione della versione 2");
		assertThat(browser.findElement(By.id("commentary")).getAttribute("value"))
			.isEqualTo("I risultati risultano sostanzialmente in linea con le previsioni.");
		assertThat(browser.findElement(By.id("evidence")).getAttribute("value"))
			.contains("Estrazione delle liste da Scriba e visure di allineamento");
		assertThat(browser.findElement(By.id("number")).getAttribute("value")).isEqualTo("600");
		Browser.screenshot("entry-form");
	}

	@Test
	void theEntryPagesFitATabletAndPassAxe() {
		signIn("ufficio");
		Dimension before = browser.manage().window().getSize();
		try {
			browser.manage().window().setSize(Browser.TABLET);
			for (String page : new String[] { "/dashboard/plans/" + ENTRY_PLAN + "/entry?checkpoint=" + JUNE,
					"/dashboard/plans/" + ENTRY_PLAN + "/entry/2.1.1/2?checkpoint=" + JUNE,
					"/dashboard/plans/" + ENTRY_PLAN + "/entry/2.2.1/1?checkpoint=" + JUNE,
					"/dashboard/plans/" + ENTRY_PLAN + "/entry/2.1.2/1?checkpoint=" + JUNE }) {
				open(page);
				assertThat(pageOverflow()).as(page).isLessThanOrEqualTo(0);
				assertAccessible();
			}
			Browser.screenshotOfScreen("entry-list-tablet");
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

	private void replace(String id, String text) {
		var field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static String score(WebDriver driver, String rowId) {
		return driver.findElement(By.cssSelector("[id='" + rowId + "'] .score")).getText();
	}

	private void signInAs(WebDriver driver, String username) {
		driver.get(url("/dashboard/login"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(AuthenticatedAsPlanner.PASSWORD);
		driver.findElement(By.cssSelector(".login-form button[type='submit']")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> !driver.getCurrentUrl().contains("/dashboard/login"));
	}
}
