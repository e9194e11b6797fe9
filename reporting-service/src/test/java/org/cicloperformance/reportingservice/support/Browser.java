package org.cicloperformance.reportingservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.core.type.TypeReference;

/**
 * One headless Debian Chromium for all browser tests of the JVM, driven by Debian's chromedriver (never a
 * downloaded one: Selenium Manager is not involved when both paths are given). Missing Chromium is a failure with
 * the install command, not a skip: CI installs it.
 */
public final class Browser {

	public static final Dimension LAPTOP = new Dimension(1366, 900);

	public static final Dimension TABLET = new Dimension(768, 1024);

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	public static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

	private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

	private static ChromeDriver driver;

	private static String axe;

	private Browser() {
	}

	public static synchronized WebDriver driver() {
		if (driver == null) {
			driver = start();
		}
		return driver;
	}

	/**
	 * A second Chromium with a profile of its own (its own cookies: another session), for tests that watch one
	 * reader's page while another acts; the caller quits it.
	 */
	public static ChromeDriver another() {
		return start();
	}

	private static ChromeDriver start() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + CHROMIUM
					+ " and " + CHROMEDRIVER + " (found: chromium " + Files.isExecutable(CHROMIUM) + ", chromedriver "
					+ Files.isExecutable(CHROMEDRIVER) + "). Install them with: "
					+ "apt-get update && apt-get install -y chromium chromium-driver");
		}
		try {
			Path profile = Files.createTempDirectory("dashboard-chromium-");
			Files.createDirectories(DOWNLOADS);
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=it-IT",
					"--hide-scrollbars");
			options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
					"download.prompt_for_download", false, "intl.accept_languages", "it-IT,it"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
					.usingAnyFreePort().build();
			ChromeDriver started = new ChromeDriver(service, options);
			started.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			started.manage().window().setSize(LAPTOP);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.quit();
				delete(profile);
			}));
			return started;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Signs in through the dashboard's login form (without cookies first: a fresh session, Italian) and waits
	 * until the form is left behind.
	 */
	public static void signIn(String baseUrl, String username) {
		WebDriver browser = driver();
		browser.get(baseUrl + "/dashboard/assets/dashboard.css");
		browser.manage().deleteAllCookies();
		browser.get(baseUrl + "/dashboard/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(AuthenticatedAsPlanner.PASSWORD);
		browser.findElement(By.cssSelector(".login-form button[type='submit']")).click();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
				.until(() -> !browser.getCurrentUrl().contains("/dashboard/login"));
	}

	/** A screenshot of the whole page (the window is stretched to the page's height for the shot). */
	public static Path screenshot(String name) {
		ChromeDriver chrome = (ChromeDriver) driver();
		Dimension before = chrome.manage().window().getSize();
		long height = ((Number) chrome.executeScript(
				"return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);")).longValue();
		try {
			chrome.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 120, 6000)));
			Thread.sleep(300); // let the charts redraw at the new size
			byte[] png = chrome.getScreenshotAs(OutputType.BYTES);
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, png);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		finally {
			chrome.manage().window().setSize(before);
		}
	}

	/** A screenshot of what the window shows, as a reader first sees the page (no stretching). */
	public static Path screenshotOfScreen(String name) {
		try {
			byte[] png = ((ChromeDriver) driver()).getScreenshotAs(OutputType.BYTES);
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, png);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A WCAG 2.1 A/AA violation found by axe-core on the current page. */
	public record Violation(String id, String impact, String help, List<String> nodes) {
	}

	/** Runs axe-core (vendored in the test resources) on the current page, WCAG 2.0/2.1 A and AA rules. */
	public static List<Violation> accessibilityViolations() {
		JavascriptExecutor js = (JavascriptExecutor) driver();
		js.executeScript(axeSource());
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				  .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
				      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')) })))))
				  .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
				""");
		return Seed.JSON.readValue((String) result, new TypeReference<List<Violation>>() {
		});
	}

	private static synchronized String axeSource() {
		if (axe == null) {
			try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe/axe.min.js missing from the test resources");
				}
				axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return axe;
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ignored) {
			// a temporary profile left behind is harmless
		}
	}
}
