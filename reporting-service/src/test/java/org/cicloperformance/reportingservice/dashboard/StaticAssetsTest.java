package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;

/**
 * The dashboard's assets over real HTTP (compression is the web server's): the pages name the CSS and script at a
 * fingerprinted address and the chart library at its versioned one, which are cached for a year and sent
 * compressed; the pages themselves and an unversioned address are not cached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticAssetsTest extends IntegrationTest {

	static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:dashboard/assets|webjars)/[^\"]+)\"");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	String page;

	@BeforeAll
	void aPageOfTheDemo() throws Exception {
		DemoStack.seed(Seed.PLAN_ID, scores);
		MockHttpSession planner = SignIn.as(mvc, "pianificatore");
		page = mvc.perform(get("/dashboard/plans/" + Seed.PLAN_ID + "?checkpoint=2018-06-30").session(planner))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theCssTheScriptAndTheChartLibraryAreFingerprintedCachedForAYearAndCompressed() throws Exception {
		Matcher assets = ASSET.matcher(page);
		java.util.List<String> paths = new java.util.ArrayList<>();
		while (assets.find()) {
			paths.add(assets.group(1));
		}
		assertThat(paths).anyMatch(p -> p.matches("/dashboard/assets/dashboard-[0-9a-f]{32}\\.css"))
				.anyMatch(p -> p.matches("/dashboard/assets/dashboard-[0-9a-f]{32}\\.js"))
				.anyMatch(p -> p.matches("/webjars/echarts/\\d[^/]*/dist/echarts\\.min\\.js"));

		for (String path : paths) {
			HttpResponse<byte[]> response = fetch(path);

			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).as(path)
					.hasValue("max-age=31536000, public, immutable");
			assertThat(response.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
		}
	}

	@Test
	void anUnversionedAssetIsNotCachedForAYear() throws Exception {
		HttpResponse<byte[]> css = fetch("/dashboard/assets/dashboard.css");

		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable")
				.contains("no-store");
	}

	private HttpResponse<byte[]> fetch(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
