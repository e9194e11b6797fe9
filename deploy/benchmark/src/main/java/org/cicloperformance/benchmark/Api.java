package org.cicloperformance.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' HTTP APIs, as a client sees them. */
final class Api {

	record Response(int status, String body) {

		boolean ok() {
			return status / 100 == 2;
		}
	}

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json;

	final String plan;

	final String monitoring;

	final String reporting;

	Api(JsonMapper json, String plan, String monitoring, String reporting) {
		this.json = json;
		this.plan = plan;
		this.monitoring = monitoring;
		this.reporting = reporting;
	}

	/**
	 * The users of the embedded default the benchmark adds for its synthetic entities (services with security take
	 * them from system properties; services without ignore them): for plan i, a planner and an area office of
	 * entity {@code bench-ente-i}, password = username.
	 */
	static String userProperties(int plans) {
		var out = new StringBuilder();
		int n = 0;
		for (int i = 0; i < plans; i++) {
			String suffix = String.format("%04d", i);
			n = user(out, n, "bench-planner-" + suffix, "PLANNER", suffix, false);
			n = user(out, n, "bench-office-" + suffix, "AREA_OFFICE", suffix, true);
		}
		return out.toString();
	}

	private static int user(StringBuilder out, int n, String username, String role, String suffix, boolean areas) {
		String prefix = " -Dciclo.security.local-users[" + n + "].";
		out.append(prefix).append("username=").append(username);
		out.append(prefix).append("password={noop}").append(username);
		out.append(prefix).append("roles[0]=").append(role);
		out.append(prefix).append("entity=bench-ente-").append(suffix);
		if (areas) {
			for (int a = 1; a <= 5; a++) {
				out.append(prefix).append("areas[").append(a - 1).append("]=UO").append(a);
			}
		}
		return n + 1;
	}

	/** The planner of a plan's entity (plan ids are {@code bench-ente-NNNN-YEAR}). */
	static String planner(String planId) {
		return "bench-planner-" + planId.substring("bench-ente-".length(), "bench-ente-".length() + 4);
	}

	/** The area office of a plan's entity, which may report results for every organisational area. */
	static String office(String planId) {
		return "bench-office-" + planId.substring("bench-ente-".length(), "bench-ente-".length() + 4);
	}

	private static String basic(String user) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	Response post(String url, String body, String user) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
			.timeout(Duration.ofMinutes(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	Response get(String url, String user) {
		var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET();
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return send(request.build());
	}

	JsonNode getJson(String url, String user) {
		Response response = get(url, user);
		if (response.status() != 200) {
			throw new IllegalStateException("GET " + url + " -> " + response.status() + " " + response.body());
		}
		return json.readTree(response.body());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}
}
