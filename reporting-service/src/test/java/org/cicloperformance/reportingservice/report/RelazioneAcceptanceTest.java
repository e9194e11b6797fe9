package org.cicloperformance.reportingservice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cicloperformance.reportingservice.report.ReportAcceptanceTest.compact;
import static org.cicloperformance.reportingservice.report.ReportAcceptanceTest.italian;
import static org.cicloperformance.reportingservice.report.ReportAcceptanceTest.points;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.SoftAssertions;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15's acceptance: the demo's year-end example ("esempio, non dal documento") runs through the 31/12 closing
 * (results on version 2 with the offices' causes, the OIV's closing with one adjusted verdict, the final scores and
 * the FINAL HR feed), and the Relazione sulla performance is read back with PDFBox's text extraction (and from the
 * HTML): every objective, every indicator with its result, the deviations with their causes and explanations, the
 * scores with the engine's arithmetic, the plan's versions, the premiums and the OIV's validation. Before the
 * closing the Relazione is refused with 409.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelazioneAcceptanceTest extends IntegrationTest {

	static final String PLAN = "relazione-cciaa-brescia-2018";

	static final String DECEMBER = YearEndExample.DECEMBER;

	static final String RELAZIONE = "/api/reports/relazione?planId=" + PLAN;

	@Autowired
	CurrentScores current;

	MockHttpServletResponse beforeClosing;

	String pdfText;

	String htmlText;

	JsonNode revised;

	Scorecard card;

	@BeforeAll
	void closeTheYearAndGenerateTheRelazione() throws Exception {
		ReportStack.seed(PLAN, scores);
		YearEndExample.events(PLAN).forEach(e -> Events.publish("result-events", PLAN, e));
		awaitScores(PLAN, DECEMBER, d -> d.scorecard().planVersion() == 2
				&& d.scorecard().indicators().stream().filter(i -> i.result() != null).count() == 38);
		beforeClosing = mvc.perform(get(RELAZIONE + "&format=pdf")).andReturn().getResponse();

		Events.publish("checkpoint-events", PLAN, YearEndExample.closed(PLAN));
		await().atMost(PATIENCE).until(() -> current.resolve(PLAN, DECEMBER).filter(c -> c.closing() != null)
				.isPresent());
		card = current.find(PLAN, DECEMBER).orElseThrow().scorecard();

		MockHttpServletResponse pdf = mvc.perform(get(RELAZIONE + "&format=pdf")).andReturn().getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader("Content-Disposition")).contains("relazione-performance-" + PLAN + ".pdf");
		try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			pdfText = new PDFTextStripper().getText(document);
		}
		MockHttpServletResponse html = mvc.perform(get(RELAZIONE + "&format=html")).andReturn().getResponse();
		assertThat(html.getStatus()).isEqualTo(200);
		htmlText = ReportAcceptanceTest.textOf(html.getContentAsString(StandardCharsets.UTF_8));
		revised = Seed.JSON.readTree(Seed.planRevised(PLAN)).path("plan");
	}

	@Test
	void isRefusedWith409BeforeTheOivClosesTheFinalCheckpoint() throws Exception {
		assertThat(beforeClosing.getStatus()).isEqualTo(409);
		assertThat(beforeClosing.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = Seed.JSON.readTree(beforeClosing.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.path("title").asString()).isEqualTo("Relazione non ancora disponibile");
		assertThat(problem.path("detail").asString()).contains("31/12", "non è stata ancora validata")
				.doesNotContain("''");
		assertThat(problem.path("code").asString()).isEqualTo("notClosed");
	}

	@Test
	void theDashboardShowsEachDeviationWithTheCauseTheOfficeGave() throws Exception {
		var planner = org.cicloperformance.reportingservice.support.SignIn.as(mvc, "pianificatore");
		String objective = mvc.perform(get("/dashboard/plans/" + PLAN + "/objectives/2.1.2").param("checkpoint", DECEMBER)
				.session(planner)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String indicator = mvc.perform(get("/dashboard/plans/" + PLAN + "/indicators/3.1.3/4").param("checkpoint",
				DECEMBER).session(planner)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(objective).contains("· cause esterne").doesNotContain("EXTERNAL");
		assertThat(indicator).contains("· causa legata alla costruzione dell&#39;indicatore");

		String overview = mvc.perform(get("/dashboard/plans/" + PLAN).param("checkpoint", DECEMBER).session(planner))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String june = mvc.perform(get("/dashboard/plans/" + PLAN).param("checkpoint", "2018-06-30").session(planner))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(overview).contains("Scostamenti per causa", "Cause esterne (4)", "Cause interne (2)",
				"Causa legata alla costruzione dell&#39;indicatore (2)", "2.1.2/2 ", "3.1.3/4 ");
		assertThat(overview.indexOf("Cause esterne (4)")).isLessThan(overview.indexOf("Cause interne (2)"));
		assertThat(june).as("no cause was given at 30/6").doesNotContain("Scostamenti per causa");
	}

	@Test
	void refusesAnUnknownFormatAndAnUnknownPlan() throws Exception {
		assertThat(mvc.perform(get(RELAZIONE + "&format=docx")).andReturn().getResponse().getStatus()).isEqualTo(400);
		assertThat(mvc.perform(get("/api/reports/relazione?planId=piano-mai-visto")).andReturn().getResponse()
				.getStatus()).isEqualTo(404);
	}

	@Test
	void thePdfHoldsEveryObjectiveAndIndicatorWithResultsDeviationsAndCauses() {
		checkObjectives(pdfText);
		checkCauses(pdfText);
	}

	@Test
	void theHtmlHoldsEveryObjectiveAndIndicatorWithResultsDeviationsAndCauses() {
		checkObjectives(htmlText);
		checkCauses(htmlText);
	}

	@Test
	void thePdfHoldsTheVersionsTheMethodTheScoresThePremiumsAndTheValidation() {
		checkTheRest(pdfText);
	}

	@Test
	void theHtmlHoldsTheVersionsTheMethodTheScoresThePremiumsAndTheValidation() {
		checkTheRest(htmlText);
	}

	@Test
	void theJuneReportOfTheSamePlanIsUnchanged() throws Exception {
		MockHttpServletResponse june = mvc.perform(get("/api/plans/" + PLAN + "/checkpoints/2018-06-30/report.html"))
				.andReturn().getResponse();
		String text = compact(ReportAcceptanceTest.textOf(june.getContentAsString(StandardCharsets.UTF_8)));
		assertThat(text).contains(compact("Totale dr Antonio d'Azzeo 100,00% 75,49%"),
				compact("(20 · 87,08% + 30 · 80,08% + 20 · 91,48% + 30 · 52,50%) / 100 = 75,49%"))
				.doesNotContain(compact("Esempio, non dal documento"));
	}

	/** Every objective of version 2, each indicator named in it with its 31/12 result and numeric deviation. */
	private void checkObjectives(String text) {
		String all = compact(text);
		String section = between(all, "3. I risultati degli obiettivi operativi", "4. Gli scostamenti per causa");
		Map<String, JsonNode> results = new HashMap<>();
		YearEndExample.results().forEach(r -> results.put(r.path("objective").asString() + "/"
				+ r.path("indicator").asString(), r));
		List<JsonNode> objectives = objectives();
		SoftAssertions softly = new SoftAssertions();
		int indicators = 0;
		for (int o = 0; o < objectives.size(); o++) {
			JsonNode objective = objectives.get(o);
			String code = objective.path("code").asString();
			String heading = compact("Obiettivo operativo " + code + " — " + objective.path("title").asString());
			int from = section.indexOf(heading);
			softly.assertThat(from).as("objective %s", code).isNotNegative();
			if (from < 0) {
				continue;
			}
			int to = o + 1 < objectives.size() ? section.indexOf(compact("Obiettivo operativo "
					+ objectives.get(o + 1).path("code").asString() + " —"), from) : section.length();
			String block = section.substring(from, to < 0 ? section.length() : to);
			for (JsonNode indicator : objective.path("indicators")) {
				String id = code + "/" + indicator.path("code").asString();
				softly.assertThat(block).as("indicator %s", id).contains(compact("Indicatore "
						+ indicator.path("code").asString() + ": " + indicator.path("name").asString()));
				indicators++;
				JsonNode result = results.get(id);
				softly.assertThat(result).as("example result of %s", id).isNotNull();
				if (result != null) {
					expectedResult(indicator, result.path("value"))
							.forEach(f -> softly.assertThat(block).as("result of %s", id).contains(f));
					JsonNode deviation = YearEndExample.deviation(indicator, result.path("value"));
					if (!deviation.path("number").isMissingNode() && !deviation.path("number").isNull()) {
						softly.assertThat(block).as("deviation of %s", id).contains(signed(indicator,
								deviation.path("number").decimalValue()));
					}
				}
			}
			NodeScore score = card.objective(code).orElseThrow();
			softly.assertThat(block).as("arithmetic of %s", code).contains(compact(score.arithmetic()));
		}
		softly.assertThat(indicators).as("indicators of version 2").isEqualTo(38);
		softly.assertThat(section).as("every result is labelled as the example")
				.contains(compact("Esempio, non dal documento"));
		softly.assertAll();
	}

	/** The deviations grouped by the cause each office gave, with the deviation and the explanation. */
	private void checkCauses(String text) {
		String all = compact(text);
		String section = between(all, "4. Gli scostamenti per causa", "5. I punteggi e il loro calcolo");
		Map<String, String> labels = Map.of("EXTERNAL", "Cause esterne", "INTERNAL", "Cause interne",
				"INDICATOR_DESIGN", "Causa legata alla costruzione dell'indicatore");
		Map<String, List<JsonNode>> byCause = new HashMap<>();
		YearEndExample.results().stream().filter(r -> !r.path("deviationCause").isNull())
				.forEach(r -> byCause.computeIfAbsent(r.path("deviationCause").asString(), c -> new ArrayList<>()).add(r));
		assertThat(byCause.keySet()).containsExactlyInAnyOrderElementsOf(labels.keySet());
		Map<String, JsonNode> indicators = YearEndExample.indicators(revised);
		SoftAssertions softly = new SoftAssertions();
		for (Map.Entry<String, List<JsonNode>> cause : byCause.entrySet()) {
			String heading = compact(labels.get(cause.getKey()) + " (" + cause.getValue().size() + ")");
			int from = section.indexOf(heading);
			softly.assertThat(from).as("group %s", cause.getKey()).isNotNegative();
			if (from < 0) {
				continue;
			}
			int to = labels.values().stream().map(l -> section.indexOf(compact(l + " ("), from + heading.length()))
					.filter(i -> i > 0).min(Integer::compare).orElse(section.length());
			String group = section.substring(from, to);
			for (JsonNode result : cause.getValue()) {
				String objective = result.path("objective").asString();
				String code = result.path("indicator").asString();
				softly.assertThat(group).as("%s/%s under %s", objective, code, cause.getKey())
						.contains(compact("Obiettivo " + objective + ", indicatore " + code),
								compact(result.path("commentary").asString()));
				JsonNode indicator = indicators.get(objective + "/" + code);
				JsonNode deviation = YearEndExample.deviation(indicator, result.path("value"));
				if (!deviation.path("number").isMissingNode() && !deviation.path("number").isNull()) {
					softly.assertThat(group).contains(signed(indicator, deviation.path("number").decimalValue()));
				}
				deviation.path("missedMilestones").forEach(m -> softly.assertThat(group).contains(m.asString()));
			}
		}
		softly.assertThat(section).doesNotContain(compact("Causa non indicata"));
		softly.assertAll();
	}

	private void checkTheRest(String text) {
		String all = compact(text);
		JsonNode revision = Seed.JSON.readTree(Seed.read(Seed.DEMO.resolve("revisione-2018.json")));
		JsonNode act = revision.path("act");
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(all).contains(compact("Relazione sulla performance"), compact("Piano della performance 2018"),
				compact("Camera di Commercio di Brescia"),
				compact("Esempio, non dal documento: i risultati al 31/12/2018 sono uno scenario di esempio"),
				compact("Validata dall'OIV il 15/03/2019 (chiusura n. 1): i punteggi sono definitivi."));
		String versions = between(all, "1. Il piano e le sue revisioni", "2. Il sistema di misurazione");
		softly.assertThat(versions).contains(compact("Versione 1 del piano"), compact("Versione 2 del piano"),
				compact(act.path("type").asString() + " n. " + act.path("number").asString()),
				compact(LocalDate.parse(act.path("date").asString()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
				compact("in vigore alla verifica finale"), String.valueOf(revision.path("changes").size()));
		softly.assertThat(between(all, "2. Il sistema di misurazione", "3. I risultati"))
				.contains(compact("politica di valutazione del piano, versione " + card.policyVersion()));
		String scores = between(all, "5. I punteggi e il loro calcolo", "6. Sintesi dei premi");
		softly.assertThat(scores).contains(compact("Punteggio dell'ente: " + ReportText.percent(card.entity().score())),
				compact(card.entity().arithmetic()));
		for (JsonNode manager : DemoReport.planWithSignatories().path("managers")) {
			NodeScore score = card.manager(manager.path("id").asString()).orElseThrow();
			softly.assertThat(scores).contains(compact("Totale " + manager.path("name").asString() + " 100,00%"),
					compact(score.arithmetic()));
			softly.assertThat(between(all, "6. Sintesi dei premi", "7. Documento di validazione"))
					.contains(compact(manager.path("name").asString()));
		}
		softly.assertThat(between(all, "6. Sintesi dei premi", "7. Documento di validazione"))
				.contains(compact("stato Definitivo, chiusura n. 1"), compact("definitivo e pagabile"));
		String validation = all.substring(Math.max(0, all.indexOf(compact("7. Documento di validazione dell'OIV"))));
		softly.assertThat(validation).contains(compact("ha validato la Relazione sulla performance il 15/03/2019, con "
				+ "la chiusura n. 1 della verifica finale: 37 indicatori validati, 1 rettificati, 0 respinti."),
				compact("Rettificato 60,00% — Rotazione solo parziale"),
				compact("L'Organismo indipendente di valutazione (Prof. Claudio Teodori)"),
				compact("Brescia, 15 marzo 2019"));
		softly.assertAll();
	}

	private List<JsonNode> objectives() {
		List<JsonNode> objectives = new ArrayList<>();
		revised.path("strategicAreas").forEach(a -> a.path("strategicObjectives")
				.forEach(s -> s.path("operationalObjectives").forEach(objectives::add)));
		return objectives;
	}

	private static String between(String all, String start, String end) {
		int from = all.indexOf(compact(start));
		if (from < 0) {
			return "";
		}
		int to = all.indexOf(compact(end), from);
		return all.substring(from, to < 0 ? all.length() : to);
	}

	private static String signed(JsonNode indicator, BigDecimal number) {
		String sign = number.signum() > 0 ? "+" : number.signum() < 0 ? "-" : "";
		return indicator.path("measureKind").asString().equals("PERCENTAGE") ? sign + points(number.abs())
				: (number.signum() > 0 ? "+" : "") + italian(number);
	}

	private static List<String> expectedResult(JsonNode indicator, JsonNode value) {
		List<String> figures = new ArrayList<>();
		String kind = indicator.path("measureKind").asString();
		if (!value.path("number").isNull()) {
			BigDecimal number = value.path("number").decimalValue();
			figures.add(kind.equals("PERCENTAGE") ? points(number) : italian(number));
		}
		if (!value.path("yes").isNull()) {
			figures.add(value.path("yes").asBoolean() ? "sì" : "no");
		}
		value.path("components").properties().forEach(e -> figures.add(italian(e.getValue().decimalValue()) + e.getKey()));
		value.path("delivered").forEach(d -> figures.add(d.path("milestone").asString() + "("
				+ LocalDate.parse(d.path("date").asString()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ")"));
		if (!value.path("assessment").isNull()) {
			figures.add(italian(value.path("assessment").decimalValue()) + "/100");
		}
		return figures.stream().map(ReportAcceptanceTest::compact).toList();
	}
}
