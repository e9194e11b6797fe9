package org.cicloperformance.reportingservice.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * monitoring-service's result and evidence API as the dashboard's result entry calls it, for tests (the real
 * service is another module): it answers like monitoring (201 with the result version, problem+json refusals with
 * pointers, the first answer again for a repeated Idempotency-Key) and publishes each accepted result on
 * {@code result-events} as monitoring's relay does, so the scores and the open pages follow. Refusals are queued by
 * the test ({@link #refuseNext}); a negative number is refused as monitoring refuses it.
 */
public final class MonitoringStub {

	/** A request the stub received: who (from the Basic credentials), where, and the body. */
	public record Received(String user, String path, String idempotencyKey, String body) {
	}

	private static HttpServer server;

	private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

	private static final Queue<String> REFUSALS = new ConcurrentLinkedQueue<>();

	private static final Map<String, String> ANSWERED = new ConcurrentHashMap<>();

	private static final Map<String, Integer> VERSIONS = new ConcurrentHashMap<>();

	private static volatile ToIntFunction<String> knownVersion = key -> 0;

	private MonitoringStub() {
	}

	public static synchronized String url() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			server.createContext("/api/results", MonitoringStub::handle);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
		}
		return "http://localhost:" + server.getAddress().getPort();
	}

	/** The version in force of "plan#objective#indicator#checkpoint" before the stub's own posts (e.g. the seed's). */
	public static void knownVersions(ToIntFunction<String> versions) {
		knownVersion = versions;
	}

	/** The next request is refused with this status and one error (pointer, code, Italian message). */
	public static void refuseNext(int status, String pointer, String code, String message) {
		ObjectNode problem = Seed.JSON.createObjectNode();
		problem.put("type", "about:blank").put("title", "Richiesta non valida").put("status", status)
			.put("detail", message);
		problem.putArray("errors").addObject().put("pointer", pointer).put("code", code).put("message", message);
		REFUSALS.add(status + " " + Seed.JSON.writeValueAsString(problem));
	}

	public static List<Received> received() {
		return new ArrayList<>(RECEIVED);
	}

	private static void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String user = user(exchange.getRequestHeaders().getFirst("Authorization"));
			String path = exchange.getRequestURI().getPath();
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			RECEIVED.add(new Received(user, path, key, body));
			if (user == null) {
				answer(exchange, 401, "{\"status\":401,\"errors\":[]}");
				return;
			}
			String refusal = REFUSALS.poll();
			if (refusal != null) {
				answer(exchange, Integer.parseInt(refusal.substring(0, 3)), refusal.substring(4));
				return;
			}
			if (path.endsWith("/evidence")) {
				Matcher name = Pattern.compile("filename=\"([^\"]+)\"").matcher(body);
				answer(exchange, 201, "{\"evidenceId\":\"" + UUID.randomUUID() + "\",\"fileName\":\""
						+ (name.find() ? name.group(1) : "file") + "\"}");
				return;
			}
			if (key != null && ANSWERED.containsKey(key)) {
				answer(exchange, 201, ANSWERED.get(key));
				return;
			}
			JsonNode request = Seed.JSON.readTree(body);
			if (request.path("value").path("number").isNumber() && request.path("value").path("number").decimalValue()
					.signum() < 0) {
				refuseNext(422, "/value/number", "negative", "Il valore non può essere negativo.");
				answer(exchange, 422, REFUSALS.poll().substring(4));
				return;
			}
			String answer = accept(request, user);
			if (key != null) {
				ANSWERED.put(key, answer);
			}
			answer(exchange, 201, answer);
		}
	}

	/** Stored: the next version, published as monitoring's relay publishes it. */
	private static String accept(JsonNode request, String user) {
		String planId = request.path("planId").asString();
		String resultKey = planId + "#" + request.path("objective").asString() + "#"
				+ request.path("indicator").asString() + "#" + request.path("checkpoint").asString();
		int version = VERSIONS.compute(resultKey, (k, v) -> (v == null ? knownVersion.applyAsInt(k) : v) + 1);
		ObjectNode event = (ObjectNode) Seed.JSON.readTree(Seed.resultRecorded(planId,
				request.path("objective").asString(), request.path("indicator").asString(),
				request.path("checkpoint").asString(), version, request.path("value")));
		event.put("planVersion", "2018-12-31".equals(request.path("checkpoint").asString()) ? 2 : 1);
		event.put("commentary", request.path("commentary").asString(""));
		event.set("evidence", request.path("evidence"));
		event.put("reportedBy", user);
		event.set("reason", request.path("reason"));
		event.set("deviationCause", request.path("deviationCause"));
		Events.publish("result-events", planId, Seed.JSON.writeValueAsString(event));
		return "{\"planId\":\"" + planId + "\",\"resultVersion\":" + version + "}";
	}

	private static String user(String authorization) {
		if (authorization == null || !authorization.startsWith("Basic ")) {
			return null;
		}
		String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
		return decoded.substring(0, decoded.indexOf(':'));
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type",
				status >= 400 ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}
}
