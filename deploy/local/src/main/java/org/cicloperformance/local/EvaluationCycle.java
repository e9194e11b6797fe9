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
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the OIV's closing of 31/12 ({@link YearEndCycle}): the example schede di valutazione of the three managers
 * and an example fund (both labelled "esempio, non dal documento": the document has neither), through
 * reporting-service's API as the people involved would. The Segretario Generale ({@code segretario}, the EVALUATOR)
 * rates and proposes; dazzeo and vairano take note, ziletti asks for a review that the evaluator records; once the
 * review period is over (20 seconds in the local stack, a policy's 15 days elsewhere) the schede are made FINAL.
 * Then the pay table and the transparency files are downloaded. Each step prints its curl call; a second run
 * resumes where the first stopped.
 */
final class EvaluationCycle {

	private static final String EVALUATOR = "segretario";

	private static final String HR = "personale";

	/** Example ratings (DIFF, RIS, RIS-UM, COLL) on the example policy's 1–5 scale. */
	private static final Map<String, List<Integer>> LEVELS = Map.of("vairano", List.of(5, 5, 4, 5), "dazzeo",
			List.of(4, 4, 3, 4), "ziletti", List.of(3, 2, 3, 3));

	private static final List<String> MANAGERS = List.of("vairano", "dazzeo", "ziletti");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final Path downloads;

	private final Consumer<String> out;

	EvaluationCycle(String reporting, Path downloads, Consumer<String> out) {
		this.base = reporting + "/api/plans/" + DemoLoader.PLAN_ID;
		this.downloads = downloads;
		this.out = out;
	}

	List<Path> run() {
		enterExampleFund();
		for (int round = 0; round < 12; round++) {
			boolean allFinal = true;
			for (String manager : MANAGERS) {
				allFinal &= advance(manager);
			}
			if (allFinal) {
				break;
			}
		}
		JsonNode pay = call(HR, "GET", "/pay", null, 200);
		for (JsonNode fund : pay.path("funds")) {
			if (!fund.path("table").isNull()) {
				out.accept("  " + fund.path("fund").path("name").asString() + ": "
						+ fund.path("table").path("check").path("explanation").asString());
			}
		}
		List<Path> files = new ArrayList<>();
		files.add(save(HR, "/pay.csv", "retribuzione-risultato-" + DemoLoader.PLAN_ID + ".csv"));
		files.add(save(HR, "/transparency/amounts.csv", "ammontare-premi-" + DemoLoader.PLAN_ID + ".csv"));
		files.add(save(HR, "/transparency/distribution.csv", "dati-premi-" + DemoLoader.PLAN_ID + ".csv"));
		files.add(save(HR, "/transparency/differentiation.csv", "differenziazione-premi-" + DemoLoader.PLAN_ID + ".csv"));
		files.add(save(HR, "/transparency", "trasparenza-premi-" + DemoLoader.PLAN_ID + ".json"));
		files.add(save(HR, "/transparency/page", "trasparenza-premi-" + DemoLoader.PLAN_ID + ".html"));
		return files;
	}

	private void enterExampleFund() {
		JsonNode funds = call(HR, "GET", "/funds", null, 200);
		for (JsonNode v : funds.path("versions")) {
			if (v.path("code").asString().equals("risultato-dirigenti")) {
				return;
			}
		}
		var body = json.createObjectNode();
		body.put("code", "risultato-dirigenti");
		body.put("name", "Retribuzione di risultato dei dirigenti (esempio)");
		body.put("recipients", "MANAGERS");
		body.put("amount", 45000);
		body.put("act", "Determinazione del Segretario Generale n. 12 (esempio, non dal documento)");
		body.put("actDate", "2019-02-15");
		body.put("replaces", 0);
		step("L'ufficio personale inserisce il fondo di esempio", HR, "POST", "/funds", body.toString());
		call(HR, "POST", "/funds", body.toString(), 201);
	}

	/** One step of a manager's scheda; true once it is FINAL. */
	private boolean advance(String manager) {
		String path = "/schede/" + manager;
		var response = send(Calls.request(EVALUATOR, "GET", base + path, null));
		if (response.statusCode() == 404) {
			String body = "{\"manager\": \"" + manager + "\", \"group\": \"DIRIGENTE\"}";
			step("Il Segretario Generale apre la scheda di " + manager + " sui punteggi definitivi", EVALUATOR, "POST",
					"/schede", body);
			call(EVALUATOR, "POST", "/schede", body, 201);
			return false;
		}
		JsonNode scheda = json.readTree(response.body()).path("scheda");
		long revision = scheda.path("revision").asLong();
		switch (scheda.path("state").asString()) {
			case "DRAFT" -> {
				if (scheda.path("computed").isNull() || scheda.path("computed").isMissingNode()) {
					rate(manager, revision);
				}
				else {
					move(manager, EVALUATOR, "PROPOSE", revision, null, "Il Segretario Generale propone la scheda");
				}
			}
			case "PROPOSED" -> {
				if (manager.equals("ziletti")) {
					move(manager, manager, "REQUEST_REVIEW", revision,
							"Esempio: chiedo di rivedere la valutazione di RIS alla luce del progetto 3.1.3",
							"Il dirigente chiede il riesame (procedura di conciliazione)");
				}
				else {
					move(manager, manager, "ACKNOWLEDGE", revision, null, "Il dirigente prende visione");
				}
			}
			case "REVIEW_REQUESTED" -> move(manager, EVALUATOR, "REVIEW", revision,
					"Esempio: sentito il dirigente, la valutazione è confermata", "Il Segretario Generale chiude il riesame");
			case "ACKNOWLEDGED", "REVIEWED" -> {
				if (scheda.path("state").asString().equals("ACKNOWLEDGED")) {
					awaitDeadline(manager, Instant.parse(scheda.path("reviewDeadline").asString()));
				}
				move(manager, EVALUATOR, "FINALISE", revision, null, "Il Segretario Generale rende definitiva la scheda");
			}
			case "FINAL" -> {
				return true;
			}
			default -> throw new StackException("Stato della scheda non previsto: " + scheda);
		}
		return false;
	}

	private void rate(String manager, long revision) {
		List<Integer> l = LEVELS.get(manager);
		List<String> codes = List.of("DIFF", "RIS", "RIS-UM", "COLL");
		var body = json.createObjectNode();
		body.put("revision", revision);
		var ratings = body.putArray("ratings");
		for (int i = 0; i < codes.size(); i++) {
			var r = ratings.addObject();
			r.put("behaviour", codes.get(i));
			r.put("level", l.get(i));
			if (l.get(i) < 3) {
				r.put("reason", "Esempio: obiettivi di gruppo raggiunti solo in parte");
			}
		}
		step("Il Segretario Generale valuta i comportamenti di " + manager + " (esempio)", EVALUATOR, "PUT",
				"/schede/" + manager + "/ratings", body.toString());
		call(EVALUATOR, "PUT", "/schede/" + manager + "/ratings", body.toString(), 200);
	}

	private void move(String manager, String user, String action, long revision, String reason, String what) {
		var body = json.createObjectNode();
		body.put("action", action);
		body.put("revision", revision);
		if (reason != null) {
			body.put("reason", reason);
		}
		step(what + " (" + manager + ")", user, "POST", "/schede/" + manager + "/transitions", body.toString());
		call(user, "POST", "/schede/" + manager + "/transitions", body.toString(), 200);
	}

	private void awaitDeadline(String manager, Instant deadline) {
		Duration wait = Duration.between(Instant.now(), deadline).plusSeconds(1);
		if (!wait.isNegative()) {
			out.accept("Attesa della scadenza del termine per il riesame di " + manager + " (" + wait.toSeconds() + " s)");
			Pause.of(wait);
		}
	}

	private Path save(String user, String path, String name) {
		out.accept("Scarico: curl -u " + user + ":" + user + " -o " + name + " " + base + path);
		try {
			Files.createDirectories(downloads);
			var file = downloads.resolve(name);
			var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
				.header("Authorization", LocalUsers.basic(user)).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
			if (response.statusCode() != 200) {
				throw new StackException("Download di " + path + ": risposta " + response.statusCode());
			}
			out.accept("  salvato in " + file + " (" + Files.size(file) + " byte)");
			return file;
		}
		catch (IOException e) {
			throw new StackException("Download non riuscito: " + path, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrotto", e);
		}
	}

	private void step(String what, String user, String method, String path, String body) {
		out.accept(what + ":");
		out.accept("  curl -u " + user + ":" + user + " -X " + method + " " + base + path
				+ (body == null ? "" : " -H 'Content-Type: application/json' -d '" + body.replace("'", "'\\''") + "'"));
	}

	private JsonNode call(String user, String method, String path, String body, int expected) {
		var response = send(Calls.request(user, method, base + path, body));
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
