package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.cicloperformance.reportingservice.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Signing in to the dashboard in Chromium: the login page (accessible, keyboard only, errors announced), each role
 * on its own view, a refusal page in Italian, signing out. Screenshots: {@code login.png}, {@code login-error.png},
 * {@code signed-in-manager.png}, {@code forbidden.png}, {@code signed-in-hr.png}.
 */
class SignInBrowserTest extends DashboardInBrowser {

	@BeforeEach
	void italianLaptopWithoutCookies() {
		browser.manage().window().setSize(Browser.LAPTOP);
		browser.get(url("/dashboard/assets/dashboard.css"));
		browser.manage().deleteAllCookies();
	}

	@Test
	void theLoginPageIsAccessibleByKeyboardAndAnnouncesAWrongPassword() {
		browser.get(url("/"));

		assertThat(browser.getCurrentUrl()).endsWith("/dashboard/login");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accesso al cruscotto");
		assertThat(browser.findElement(By.cssSelector("label[for='username']")).getText()).isEqualTo("Nome utente");
		assertThat(browser.findElement(By.cssSelector("label[for='password']")).getText()).isEqualTo("Password");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
		assertAccessible();
		Browser.screenshot("login");

		browser.switchTo().activeElement().sendKeys("dirigente", Keys.TAB, "sbagliata", Keys.ENTER);

		await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/dashboard/login?error"));
		WebElement error = browser.findElement(By.id("login-error"));
		assertThat(error.getAttribute("role")).isEqualTo("alert");
		assertThat(error.getText()).isEqualTo("Nome utente o password non validi. Riprovare.");
		assertThat(browser.getTitle()).startsWith("Nome utente o password non validi.");
		assertThat(browser.findElement(By.id("username")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("username")).getAttribute("aria-describedby")).isEqualTo("login-error");
		assertAccessible();
		Browser.screenshot("login-error");
	}

	@Test
	void aManagerLandsOnTheirScorecardIsRefusedAnotherOneAndSignsOut() {
		browser.get(url("/dashboard"));
		browser.switchTo().activeElement().sendKeys("dirigente", Keys.TAB, "segreta", Keys.ENTER);

		await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/managers/dazzeo"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("dr Antonio d'Azzeo");
		assertThat(browser.findElement(By.id("signed-in")).getText()).isEqualTo("Collegato come dirigente (dirigente)");
		assertThat(navigation()).containsExactly("La mia scheda di valutazione", "dr Antonio d'Azzeo", "Area Anagrafica");
		assertAccessible();
		Browser.screenshot("signed-in-manager");

		browser.get(url("/dashboard/plans/" + PLAN + "/managers/ziletti?checkpoint=" + JUNE));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accesso non consentito");
		assertThat(browser.findElement(By.id("forbidden-message")).getText())
				.isEqualTo("Il proprio ruolo non consente di aprire questa pagina.");
		assertAccessible();
		Browser.screenshot("forbidden");

		browser.findElement(By.cssSelector(".account button[type='submit']")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/dashboard/login?logout"));
		assertThat(browser.findElement(By.id("login-logged-out")).getText())
				.isEqualTo("Uscita dal cruscotto eseguita.");
		browser.get(url("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE));
		assertThat(browser.getCurrentUrl()).endsWith("/dashboard/login");
	}

	@Test
	void hrLandsOnTheHrFeedAndSeesOnlyIt() {
		Browser.signIn(url(""), "personale");

		assertThat(browser.getCurrentUrl()).containsPattern("/dashboard/plans/[^/]+/hr-feed");
		assertThat(browser.findElement(By.id("hr-status")).getText()).startsWith("Stato: Provvisorio");
		assertThat(navigation()).containsExactly("Flusso HR", "Schede di valutazione", "Retribuzione");
		assertThat(browser.findElements(By.cssSelector("#hr-table a"))).isEmpty();
		assertAccessible();
		Browser.screenshot("signed-in-hr");
	}

	// --- helpers ---

	private List<String> navigation() {
		return browser.findElements(By.cssSelector("nav.sections a")).stream().map(WebElement::getText).toList();
	}
}
