package org.cicloperformance.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OIV cycle of one of the demo's checkpoints (30/6 by default; 31/12 with the year-end example, see
 * {@link YearEndCycle}), run through the services' APIs as the people involved would: each manager submits, the
 * OIV starts the review, validates every due indicator and closes; then reporting-service's final HR feed and the
 * monitoring report are downloaded, and at the final checkpoint the Relazione sulla performance. Each step prints
 * the call it makes, so a newcomer can repeat it by hand; a second run resumes where the first stopped and changes
 * nothing already done.
 */
public final class CheckpointCycle {

	static final String CHECKPOINT = "2018-06-30";

	private static final List<String> MANAGERS = List.of("vairano", "dazzeo", "ziletti");

	private static final String OIV = "oiv";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String monitoring;

	private final String reporting;

	private final Path downloads;

	private final Consumer<String> out;

	private final String checkpoint;

	CheckpointCycle(String monitoring, String reporting, Path downloads, Consumer<String> out) {
		this(monitoring, reporting, downloads, out, CHECKPOINT);
	}

	CheckpointCycle(String monitoring, String reporting, Path downloads, Consumer<String> out, String checkpoint) {
		this.checkpoint = checkpoint;
		this.monitoring = monitoring;
		this.reporting = reporting;
		this.downloads = downloads;
		this.out = out;
	}

	public static void main(String[] args) {
		var settings = Settings.from(System.getenv(), LocalStack.home());
		var cycle = new CheckpointCycle(settings.url(settings.monitoringPort()), settings.url(settings.reportingPort()),
				settings.data().resolve("downloads"), System.out::println);
		try {
			cycle.run();
		}
		catch (StackException e) {
			System.err.println("Ciclo interrotto: " + e.getMessage());
			System.exit(1);
		}
	}

	/** Runs the remaining steps and returns the downloaded files (report PDF, report HTML, final feed CSV). */
	List<Path> run() {
		var state = checkpoint();
		if (state.path("status").asString().equals("OPEN") || state.path("status").asString().equals("SUBMITTED")) {
			submitPendingManagers(state);
			state = checkpoint();
		}
		if (state.path("status").asString().equals("SUBMITTED")) {
			step("L'OIV avvia la verifica", OIV, "POST", checkpointPath() + "/review", null);
			state = call(OIV, "POST", checkpointPath() + "/review", null, 200);
		}
		if (state.path("status").asString().equals("UNDER_REVIEW")) {
			validateEveryDueIndicator(state);
			step("L'OIV chiude la scadenza", OIV, "POST", checkpointPath() + "/closing", null);
			state = call(OIV, "POST", checkpointPath() + "/closing", null, 200);
		}
		out.accept("Scadenza " + checkpoint + ": " + state.path("status").asString() + " (chiusura n. "
				+ state.path("closing").asInt() + ")");
		awaitFinalFeed();
		return download();
	}

	private void submitPendingManagers(JsonNode state) {
		for (JsonNode pending : state.path("managersPending")) {
			String manager = pending.asString();
			if (!MANAGERS.contains(manager)) {
				throw new StackException("Dirigente non previsto dalla demo: " + manager);
			}
			var body = json.createObjectNode();
			body.put("commentary", CHECKPOINT.equals(checkpoint)
					? "Risultati al 30/6 come da schede degli obiettivi; criticità e proposte di "
							+ "variazione dei valori attesi nella revisione approvata."
					: "Risultati al " + java.time.LocalDate.parse(checkpoint).format(java.time.format.DateTimeFormatter
							.ofPattern("d/M")) + " (esempio, non dal documento) con le cause degli scostamenti "
							+ "nei commenti degli indicatori.");
			body.putArray("proposals");
			step("Il dirigente " + manager + " trasmette i risultati", manager, "POST", checkpointPath() + "/submissions",
					body.toString());
			call(manager, "POST", checkpointPath() + "/submissions", body.toString(), 200);
		}
	}

	private void validateEveryDueIndicator(JsonNode state) {
		List<JsonNode> toJudge = new ArrayList<>();
		state.path("indicators").forEach(i -> {
			if (!i.path("verdictCounts").asBoolean(false)) {
				toJudge.add(i);
			}
		});
		out.accept("L'OIV valida " + toJudge.size() + " indicatori, uno per chiamata, ad esempio:");
		boolean first = true;
		for (JsonNode indicator : toJudge) {
			var body = json.createObjectNode();
			body.put("objective", indicator.path("objective").asString());
			body.put("indicator", indicator.path("indicator").asString());
			body.put("verdict", "VALIDATED");
			body.put("resultVersion", indicator.path("resultVersion").asInt());
			if (first) {
				step("  verdetto", OIV, "POST", checkpointPath() + "/verdicts", body.toString());
				first = false;
			}
			call(OIV, "POST", checkpointPath() + "/verdicts", body.toString(), 200);
		}
	}

	/** reporting-service learns the closing from checkpoint-events: wait until its feed says FINAL. */
	private void awaitFinalFeed() {
		String path = "/api/plans/" + DemoLoader.PLAN_ID + "/checkpoints/" + checkpoint + "/hr-feed";
		out.accept("Attesa del flusso HR definitivo: curl -u personale:personale " + reporting + path);
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			var response = send(Calls.request("personale", "GET", reporting + path, null));
			if (response.statusCode() == 200 && "FINAL".equals(json.readTree(response.body()).path("status").asString())) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new StackException("Il flusso HR non e' diventato definitivo entro 60 s: " + response.statusCode()
						+ " " + response.body());
			}
			Pause.of(Duration.ofMillis(500));
		}
	}

	private List<Path> download() {
		String base = reporting + "/api/plans/" + DemoLoader.PLAN_ID + "/checkpoints/" + checkpoint;
		List<Path> files = new ArrayList<>();
		files.add(save("direzione", base + "/report.pdf",
				"relazione-monitoraggio-" + DemoLoader.PLAN_ID + "-" + checkpoint + ".pdf"));
		files.add(save("direzione", base + "/report.html",
				"relazione-monitoraggio-" + DemoLoader.PLAN_ID + "-" + checkpoint + ".html"));
		files.add(save("personale", base + "/hr-feed.csv", "flusso-hr-" + DemoLoader.PLAN_ID + "-" + checkpoint + ".csv"));
		if (!CHECKPOINT.equals(checkpoint)) {
			// the final checkpoint, closed by the OIV: the Relazione sulla performance with its validation
			String relazione = reporting + "/api/reports/relazione?planId=" + DemoLoader.PLAN_ID;
			files.add(save("oiv", relazione + "&format=pdf", "relazione-performance-" + DemoLoader.PLAN_ID + ".pdf"));
			files.add(save("oiv", relazione + "&format=html",
					"relazione-performance-" + DemoLoader.PLAN_ID + ".html"));
		}
		return files;
	}

	private Path save(String user, String url, String name) {
		String shown = url.contains("&") ? "'" + url + "'" : url;
		out.accept("Scarico: curl -u " + user + ":" + user + " -o " + name + " " + shown);
		try {
			Files.createDirectories(downloads);
			var file = downloads.resolve(name);
			// the first report a service renders loads the PDF engine and its fonts: allow it time
			var download = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(180))
				.header("Authorization", LocalUsers.basic(user))
				.GET()
				.build();
			var response = http.send(download, HttpResponse.BodyHandlers.ofFile(file));
			if (response.statusCode() != 200) {
				throw new StackException("Download di " + url + ": risposta " + response.statusCode());
			}
			out.accept("  salvato in " + file + " (" + Files.size(file) + " byte)");
			return file;
		}
		catch (IOException e) {
			throw new StackException("Download non riuscito: " + url, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrotto", e);
		}
	}

	private JsonNode checkpoint() {
		return call(OIV, "GET", checkpointPath(), null, 200);
	}

	private String checkpointPath() {
		return "/api/checkpoints/" + DemoLoader.PLAN_ID + "/" + checkpoint;
	}

	private void step(String what, String user, String method, String path, String body) {
		out.accept(what + ":");
		out.accept("  curl -u " + user + ":" + user + " -X " + method + " " + monitoring + path
				// the bodies hold no apostrophe, so the printed call can be pasted into a shell as it is
				+ (body == null ? "" : " -H 'Content-Type: application/json' -d '" + body + "'"));
	}

	private JsonNode call(String user, String method, String path, String body, int expected) {
		var response = send(Calls.request(user, method, monitoring + path, body));
		if (response.statusCode() != expected) {
			throw new StackException(method + " " + path + " come " + user + ": risposta " + response.statusCode() + " "
					+ response.body());
		}
		return json.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest request) {
		return Calls.send(http, request);
	}
}
