package org.cicloperformance.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the 2018 demo through the services' own APIs, as a planner and the area offices would: the SMVP 2018
 * (version 1, the demo's scoring rules), plan version 1 approved, the 30/6 results posted to monitoring-service, then the mid-year revision (version 2). Every step is
 * idempotent, and a marker in the data folder makes a restart load nothing twice.
 * <p>
 * On request only ({@code -Dstack.demo.yearend=true}, {@code STACK_DEMO_YEAREND=true}, or deploy/ciclo-31-dicembre.sh)
 * it also posts the year-end example: results at 31/12 for every indicator of version 2, with causes of the
 * deviations. The document has no year-end results: these are an example, not from the document
 * ({@code esempio/risultati-2018-12-31.json}, docs/demo-dataset.md), and each commentary says so.
 */
final class DemoLoader {

	static final String PLAN_ID = "cciaa-brescia-2018";

	private static final String APPROVAL_ACT = """
			{"type": "Deliberazione della Giunta camerale (approvazione del Piano della performance 2018)",
			 "number": "da definire", "date": "2018-01-31"}""";

	/**
	 * The reporting calendar of 30/6. The document gives no data-entry dates: these are an example, said so in the
	 * note, as are the offices' addresses (domain example.org).
	 */
	private static final String CALENDAR_30_6 = """
			{"opensOn": "2018-06-01", "closesOn": "2018-07-15", "reminderDays": [-7, -2, 3], "language": "it",
			 "note": "Date e indirizzi di esempio: il documento del 2018 non indica le date di apertura e chiusura della rendicontazione al 30/6.",
			 "offices": [
			  {"office": "PRM", "name": "Area Promozione e Regolazione del Mercato", "email": "area-promozione@cciaa-brescia.example.org"},
			  {"office": "ANA", "name": "Area Anagrafica", "email": "area-anagrafica@cciaa-brescia.example.org"},
			  {"office": "AMM", "name": "Area Amministrativa", "email": "area-amministrativa@cciaa-brescia.example.org"}],
			 "plannerEmail": "pianificazione@cciaa-brescia.example.org"}""";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String planService;

	private final String monitoringService;

	private final Path marker;

	private final Path yearEndMarker;

	DemoLoader(String planService, String monitoringService, Path dataFolder) {
		this.planService = planService;
		this.monitoringService = monitoringService;
		this.marker = dataFolder.resolve("demo-loaded");
		this.yearEndMarker = dataFolder.resolve("esempio-31-dicembre-loaded");
	}

	boolean alreadyLoaded() {
		return Files.exists(marker);
	}

	boolean yearEndAlreadyLoaded() {
		return Files.exists(yearEndMarker);
	}

	/**
	 * Posts the year-end example (38 results at 31/12 on plan version 2): monitoring-service must know version 2,
	 * so it is retried while it answers that the version is not received yet. Idempotent (the same key every time).
	 */
	void loadYearEnd() {
		var example = resource("esempio/risultati-2018-12-31.json");
		var body = json.createObjectNode();
		body.set("results", example.path("results"));
		postBatch(body.toString(), "esempio-" + PLAN_ID + "-2018-12-31", "Risultati di esempio al 31/12");
		try {
			Files.writeString(yearEndMarker, Instant.now().toString());
		}
		catch (IOException e) {
			throw new StackException("Impossibile scrivere " + yearEndMarker, e);
		}
	}

	void load() {
		adoptSmvp();
		approvePlan();
		postResults();
		ensureCalendar();
		applyRevision();
		try {
			Files.writeString(marker, Instant.now().toString());
		}
		catch (IOException e) {
			throw new StackException("Impossibile scrivere " + marker, e);
		}
	}

	/** Before the plan, so that the plan's versions carry the SMVP's policy and its version from the start. */
	private void adoptSmvp() {
		if (send(get(planService + "/api/smvp/" + PLAN_ID)).statusCode() == 200) {
			return;
		}
		expect(send(post(planService + "/api/smvp", resource("smvp-2018.json").toString())), 201, "SMVP 2018");
	}

	private void approvePlan() {
		if (send(get(planService + "/api/plans/" + PLAN_ID)).statusCode() == 200) {
			return;
		}
		var body = json.createObjectNode();
		body.set("plan", resource("piano-2018.json"));
		body.set("approvalAct", json.readTree(APPROVAL_ACT));
		expect(send(post(planService + "/api/plans/import", body.toString())), 201, "import del piano 2018");
	}

	private void postResults() {
		postBatch(resource("risultati-2018-06-30.json").toString(), "demo-" + PLAN_ID + "-2018-06-30",
				"Risultati al 30/6");
	}

	/** monitoring-service learns the plan from plan-events: retry while it has not received it yet. */
	private void postBatch(String batch, String idempotencyKey, String what) {
		var deadline = Instant.now().plus(Duration.ofSeconds(90));
		HttpResponse<String> response;
		do {
			var request = HttpRequest.newBuilder(URI.create(monitoringService + "/api/results/batch"))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", idempotencyKey)
				.header("Authorization", LocalUsers.basic(LocalUsers.MONITORING_OFFICE))
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(batch))
				.build();
			response = send(request);
			if (response.statusCode() / 100 == 2) {
				return;
			}
			Pause.of(Duration.ofMillis(1000));
		}
		while ((response.statusCode() == 404 || response.statusCode() == 409) && Instant.now().isBefore(deadline));
		throw new StackException(what + " rifiutati da monitoring-service (" + response.statusCode() + "): "
				+ response.body());
	}

	/**
	 * Sets the 30/6 calendar in monitoring-service unless one is set (a planner's own is never overwritten). A
	 * failure is reported and the stack goes on: the calendar is not needed by anything else.
	 */
	void ensureCalendar() {
		try {
			putCalendar();
		}
		catch (StackException e) {
			System.out.println("[local-stack] Calendario al 30/6 non impostato: " + e.getMessage());
		}
	}

	private void putCalendar() {
		var url = monitoringService + "/api/calendars?planId=" + PLAN_ID + "&checkpoint=2018-06-30";
		var found = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.header("Authorization", LocalUsers.basic(LocalUsers.PLANNER)).GET().build());
		if (found.statusCode() != 404 || !found.body().contains("calendar-unknown")) {
			return;
		}
		expect(send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", LocalUsers.basic(LocalUsers.PLANNER))
			.PUT(HttpRequest.BodyPublishers.ofString(CALENDAR_30_6))
			.build()), 200, "calendario di rendicontazione al 30/6");
	}

	/**
	 * The demo plan's forecast alerts by e-mail (reporting-service), turned on so that the alerts of 31/12 appear in
	 * the local mail view. The addresses are examples (domain example.org), as the calendar's. Set once: a policy
	 * the newcomer changed is left as it is.
	 */
	private static final String ALERT_MAIL = """
			{"enabled": true, "language": "it", "clearedNotes": true,
			 "plannerEmail": "pianificazione@cciaa-brescia.example.org",
			 "managers": [
			  {"manager": "ziletti", "name": "dr Massimo Ziletti", "email": "ziletti@cciaa-brescia.example.org"},
			  {"manager": "dazzeo", "name": "dr Antonio d'Azzeo", "email": "dazzeo@cciaa-brescia.example.org"},
			  {"manager": "vairano", "name": "dr.ssa Antonella Vairano", "email": "vairano@cciaa-brescia.example.org"}]}""";

	void ensureAlertMail(String reportingService) {
		var url = reportingService + "/api/plans/" + PLAN_ID + "/alert-mail";
		try {
			var found = send(get(url));
			if (found.statusCode() == 200 && json.readTree(found.body()).path("revision").asInt() > 0) {
				return;
			}
			expect(send(Calls.request(LocalUsers.PLANNER, "PUT", url, ALERT_MAIL)), 200,
					"allerte per e-mail del piano 2018");
		}
		catch (StackException | tools.jackson.core.JacksonException e) {
			System.out.println("[local-stack] Allerte per e-mail non impostate: " + e.getMessage());
		}
	}

	private void applyRevision() {
		var plan = json.readTree(expect(send(get(planService + "/api/plans/" + PLAN_ID)), 200, "lettura del piano"));
		if (plan.path("currentVersion").asInt() >= 2) {
			return;
		}
		expect(send(post(planService + "/api/plans/" + PLAN_ID + "/revisions",
				resource("revisione-2018.json").toString())), 201, "revisione di meta' anno");
	}

	private JsonNode resource(String name) {
		String path = name.contains("/") ? "/" + name : "/demo/" + name;
		try (InputStream in = DemoLoader.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new StackException("Dati demo mancanti: " + name);
			}
			return json.readTree(in);
		}
		catch (IOException e) {
			throw new StackException("Dati demo illeggibili: " + name, e);
		}
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.header("Authorization", LocalUsers.basic(LocalUsers.PLANNER))
			.GET()
			.build();
	}

	private static HttpRequest post(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Authorization", LocalUsers.basic(LocalUsers.PLANNER))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		return Calls.send(http, request);
	}

	private static String expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new StackException(what + ": risposta " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

}
