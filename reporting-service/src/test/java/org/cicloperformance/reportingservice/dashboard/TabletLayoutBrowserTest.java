package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cicloperformance.reportingservice.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The dashboard on a 768×1024 tablet, as each role reads it (issue 19): no page scrolls sideways, no figure is
 * split across lines, the arithmetic is folded so that the achievement and its light stay on the screen, and the
 * header leaves the screen to the figures. axe-core checks every page at this size.
 */
class TabletLayoutBrowserTest extends DashboardInBrowser {

	/** Every page each role may open on the demo (the planner's list is the one the code scan uses). */
	static final List<String> MANAGER_PAGES = List.of("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + DECEMBER,
			"/dashboard/plans/" + PLAN + "/areas/ANA?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/objectives/2.1.2?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/indicators/2.1.2/5?checkpoint=" + JUNE);

	static final List<String> AREA_OFFICE_PAGES = List.of("/dashboard/plans/" + PLAN + "/areas/ANA?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/areas/ANA?checkpoint=" + DECEMBER,
			"/dashboard/plans/" + PLAN + "/objectives/2.1.3?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/indicators/2.1.3/3?checkpoint=" + JUNE);

	static final List<String> HR_PAGES = List.of("/dashboard/plans/" + PLAN + "/hr-feed?checkpoint=" + JUNE,
			"/dashboard/plans/" + PLAN + "/hr-feed?checkpoint=" + DECEMBER);

	@BeforeEach
	void aTablet() {
		browser.manage().window().setSize(Browser.TABLET);
		browser.get(url("/dashboard/login"));
		// the window's outer size: make the page's own viewport 768×1024
		long width = ((Number) script("return window.innerWidth;")).longValue();
		long height = ((Number) script("return window.innerHeight;")).longValue();
		if (width != Browser.TABLET.getWidth() || height != Browser.TABLET.getHeight()) {
			Dimension outer = browser.manage().window().getSize();
			browser.manage().window().setSize(new Dimension(outer.getWidth() + Browser.TABLET.getWidth() - (int) width,
					outer.getHeight() + Browser.TABLET.getHeight() - (int) height));
		}
	}

	@Test
	void everyPageOfThePlannerFitsATablet() {
		signIn("pianificatore");
		List<String> problems = new ArrayList<>();
		for (String page : DashboardReadingBrowserTest.PAGES) {
			problems.addAll(layoutProblems(page));
		}
		problems.addAll(layoutProblems("/dashboard/plans"));
		assertThat(problems).isEmpty();
	}

	@Test
	void everyPageOfAManagerAnAreaOfficeAndHrFitsATablet() {
		List<String> problems = new ArrayList<>();
		signIn("dirigente");
		MANAGER_PAGES.forEach(page -> problems.addAll(layoutProblems(page)));
		browser.get(url("/dashboard/plans/" + PLAN + "/managers/ziletti?checkpoint=" + JUNE));
		assertThat(text("h1")).isEqualTo("Accesso non consentito");
		problems.addAll(layoutProblems(null));
		signIn("ufficio");
		AREA_OFFICE_PAGES.forEach(page -> problems.addAll(layoutProblems(page)));
		signIn("personale");
		HR_PAGES.forEach(page -> problems.addAll(layoutProblems(page)));
		browser.manage().deleteAllCookies();
		browser.get(url("/dashboard/login"));
		problems.addAll(layoutProblems(null));
		assertThat(problems).isEmpty();
	}

	@Test
	void theIndicatorRowsKeepTheirAchievementAndLightOnScreenWithTheArithmeticFolded() {
		signIn("pianificatore");
		open("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE);

		assertThat(browser.findElements(By.cssSelector("#live-indicators details.calc"))).isNotEmpty()
				.allSatisfy(d -> assertThat(d.getAttribute("open")).as("folded on a tablet").isNull());
		assertThat(offScreen("#live-indicators td.achievement")).as("achievements scrolled off the screen, tables: "
				+ script("return [...document.querySelectorAll('#live-indicators .table-wrap')].map(w => w.clientWidth + '/'"
						+ " + w.scrollWidth + ' ' + [...w.querySelectorAll('thead th')].map(t => t.offsetWidth).join(','));")).isEmpty();
		assertThat(text("[id='indicator-2.1.3-3']")).contains("87,83%", "Giallo — parziale", "Calcolo")
				.doesNotContain("min(527 / 600, 1)");
		assertThat(headerHeight()).as("the header, in pixels of a 1024 pixel screen").isLessThanOrEqualTo(200);
		Browser.screenshotOfScreen("manager-dazzeo-tablet-screen");
		Browser.screenshot("manager-dazzeo-tablet");

		browser.findElement(By.cssSelector("[id='indicator-2.1.3-3'] details.calc summary")).click();
		assertThat(text("[id='indicator-2.1.3-3']")).contains("min(527 / 600, 1) = 87,83%");
		assertThat(pageOverflow()).isLessThanOrEqualTo(0);

		open("/dashboard/plans/" + PLAN + "/indicators/2.1.3/3?checkpoint=" + JUNE);
		assertThat(offScreen("#live-checkpoints td.achievement")).isEmpty();
		Browser.screenshotOfScreen("indicator-2.1.3-3-tablet-screen");
		Browser.screenshot("indicator-2.1.3-3-tablet");
		open("/dashboard/plans/" + PLAN + "/hr-feed?checkpoint=" + JUNE);
		assertThat(text("#live-hr-rows")).contains("proporzionale", "75,49%");
		Browser.screenshotOfScreen("hr-feed-tablet-screen");
		Browser.screenshot("hr-feed-tablet");
		open("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE);
		awaitCharts("chart-tree", "chart-managers");
		Browser.screenshotOfScreen("overview-tablet-screen");
		Browser.screenshot("overview-tablet");
	}

	@Test
	void onALaptopTheArithmeticIsOpen() {
		browser.manage().window().setSize(Browser.LAPTOP);
		signIn("pianificatore");
		open("/dashboard/plans/" + PLAN + "/objectives/2.1.3?checkpoint=" + JUNE);

		assertThat(text("[id='indicator-2.1.3-3']")).contains("min(527 / 600, 1) = 87,83%");
	}

	/** What is wrong with the page at tablet size; {@code path} null: the page the browser is on. */
	private List<String> layoutProblems(String path) {
		if (path != null) {
			browser.get(url(path));
		}
		String page = browser.getCurrentUrl();
		List<String> problems = new ArrayList<>();
		long overflow = pageOverflow();
		if (overflow > 0) {
			problems.add(page + ": scrolls sideways by " + overflow + " px, past the edge: " + script("""
					return [...document.querySelectorAll('body *')]
					  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
					  .slice(0, 4).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right
					    + ' «' + e.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60) + '»');
					"""));
		}
		splitFigures().forEach(f -> problems.add(page + ": figure on two lines «" + f + "»"));
		List<Browser.Violation> violations = Browser.accessibilityViolations();
		violations.forEach(v -> problems.add(page + ": axe " + v.impact() + " " + v.id() + " " + v.nodes()));
		return problems;
	}

	/** Figures whose text runs over more than one line. */
	@SuppressWarnings("unchecked")
	private List<String> splitFigures() {
		return (List<String>) script("""
				return [...document.querySelectorAll('.fig, td.num:not(.achievement), dd.big, .critical-score')].filter(e => {
				  const range = document.createRange();
				  range.selectNodeContents(e);
				  const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top).sort((a, b) => a - b);
				  return tops.length > 1 && tops[tops.length - 1] - tops[0] > 8;
				}).map(e => e.textContent.replace(/\\s+/g, ' ').trim());
				""");
	}

	/** Cells whose right edge is beyond the window (or beyond their table's visible box). */
	@SuppressWarnings("unchecked")
	private List<String> offScreen(String css) {
		return (List<String>) script("""
				return [...document.querySelectorAll(arguments[0])].filter(e => {
				  const box = e.getBoundingClientRect();
				  const wrap = e.closest('.table-wrap').getBoundingClientRect();
				  return box.right > document.documentElement.clientWidth || box.right > wrap.right + 1;
				}).map(e => e.textContent.replace(/\\s+/g, ' ').trim());
				""", css);
	}

	private long headerHeight() {
		return ((Number) script("return document.querySelector('.site-header').getBoundingClientRect().height;"))
				.longValue();
	}
}
