package org.cicloperformance.reportingservice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.SoftAssertions;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9's acceptance: the report of the demo at 30/6, generated from what the services publish (plan version 1,
 * the 31 results with monitoring's deviations, the revision as version 2), read back with PDFBox's text extraction.
 * It holds every objective, the 38 indicators with the document's results and deviations in Italian format, the
 * tree with its values, the managers' weight tables, the revision, the scores and the signature block; the HTML
 * holds the same. The expected figures come from the demo files, formatted here independently of the report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAcceptanceTest extends IntegrationTest {

	static final String PLAN = "report-cciaa-brescia-2018";

	static final String REPORT = "/api/plans/" + PLAN + "/checkpoints/2018-06-30/report";

	static final String JUNE = DemoReport.JUNE;

	String pdfText;

	String htmlText;

	JsonNode plan;

	JsonNode revised;

	@BeforeAll
	void generateTheReport() throws Exception {
		ReportStack.seed(PLAN, scores);
		MockHttpServletResponse pdf = mvc.perform(get(REPORT + ".pdf")).andReturn().getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			pdfText = new PDFTextStripper().getText(document);
		}
		MockHttpServletResponse html = mvc.perform(get(REPORT + ".html")).andReturn().getResponse();
		assertThat(html.getStatus()).isEqualTo(200);
		htmlText = textOf(html.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		plan = DemoReport.planWithSignatories();
		revised = Seed.JSON.readTree(Seed.planRevised(PLAN)).path("plan");
	}

	@Test
	void thePdfHoldsEveryObjectiveAndEveryIndicatorWithTheDocumentsFigures() {
		checkObjectivesAndIndicators(pdfText);
	}

	@Test
	void theHtmlHoldsEveryObjectiveAndEveryIndicatorWithTheDocumentsFigures() {
		checkObjectivesAndIndicators(htmlText);
	}

	@Test
	void thePdfHoldsTheTreeTheWeightsTheRevisionTheScoresAndTheSignatures() {
		checkTheRest(pdfText);
	}

	@Test
	void theHtmlHoldsTheTreeTheWeightsTheRevisionTheScoresAndTheSignatures() {
		checkTheRest(htmlText);
	}

	/** Each objective's section: its indicators with result, deviation and weight, and its score. */
	private void checkObjectivesAndIndicators(String text) {
		String all = compact(text);
		Map<String, JsonNode> results = new HashMap<>();
		DemoReport.results().forEach(r -> results.put(key(r), r));
		Map<String, JsonNode> deviations = DemoReport.deviations();
		List<JsonNode> objectives = objectives(revised);
		SoftAssertions softly = new SoftAssertions();
		int indicators = 0;
		for (int o = 0; o < objectives.size(); o++) {
			JsonNode objective = objectives.get(o);
			String code = objective.path("code").asString();
			String section = section(all, code, o + 1 < objectives.size()
					? heading(objectives.get(o + 1)) : compact("Come si calcolano i punteggi"));
			softly.assertThat(section).as("objective %s", code).isNotEmpty();
			List<JsonNode> list = new ArrayList<>();
			objective.path("indicators").forEach(list::add);
			for (int i = 0; i < list.size(); i++) {
				JsonNode indicator = list.get(i);
				String id = code + "/" + indicator.path("code").asString();
				String start = compact("Indicatore " + indicator.path("code").asString() + ": "
						+ indicator.path("name").asString());
				int from = section.indexOf(start);
				softly.assertThat(from).as("indicator %s named in its objective", id).isNotNegative();
				if (from < 0) {
					continue;
				}
				indicators++;
				int to = i + 1 < list.size() ? section.indexOf(compact("Indicatore " + list.get(i + 1).path("code")
						.asString() + ":"), from + start.length()) : section.length();
				String block = section.substring(from, to < 0 ? section.length() : to);
				JsonNode result = results.get(id);
				if (result == null) {
					softly.assertThat(block).as("%s has no result at 30/6", id).contains("nonprevisto");
				}
				else {
					expectedResult(indicator, result.path("value"))
							.forEach(figure -> softly.assertThat(block).as("result of %s", id).contains(figure));
					expectedDeviation(indicator, deviations.get(id))
							.forEach(figure -> softly.assertThat(block).as("deviation of %s", id).contains(figure));
				}
			}
		}
		softly.assertThat(indicators).as("indicators found").isEqualTo(38);
		softly.assertThat(section(all, "2.1.3", compact("Obiettivo operativo 2.2.1 —")))
				.contains(compact("Punteggio: 91,48% — copertura: 100,00%"),
						compact("(20 · 100,00% + 10 · 100,00% + 70 · 87,83%) / 100 = 91,48%"),
						compact("min(527 / 600, 1) = 87,83%"));
		softly.assertThat(section(all, "2.2.1", compact("Obiettivo operativo 3.1.1 —")))
				.contains(compact("Indicatore 1: il peso passa da 35,00% a 20,00%"),
						compact("Indicatore 2: il peso passa da 20,00% a 10,00%"), compact("Nuovo indicatore"),
						compact("12 visite ispettive per controllo del prodotto"));
		softly.assertAll();
	}

	private void checkTheRest(String text) {
		String all = compact(text);
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(all).contains(compact("Piano della performance 2018"),
				compact("Camera di Commercio di Brescia"), compact("Non ancora validata dall'OIV"),
				compact("Obiettivo di qualità dell'Ente = 100"));
		for (JsonNode area : plan.path("strategicAreas")) {
			softly.assertThat(all).contains(compact("Area strategica " + area.path("code").asString() + " — "
					+ area.path("name").asString()), compact("Valore = " + italian(area.path("value").decimalValue())));
			for (JsonNode strategic : area.path("strategicObjectives")) {
				softly.assertThat(all).contains(compact("Obiettivo strategico " + strategic.path("code").asString()
						+ " — " + strategic.path("name").asString() + " Valore = "
						+ italian(strategic.path("value").decimalValue())));
			}
		}
		for (JsonNode manager : plan.path("managers")) {
			String name = manager.path("name").asString();
			softly.assertThat(all).contains(compact(manager.path("role").asString() + " — " + name),
					compact("Totale " + name + " 100,00%"));
			objectives(plan).stream().filter(o -> o.path("manager").asString().equals(manager.path("id").asString()))
					.forEach(o -> softly.assertThat(all).contains(compact("Obiettivo operativo "
							+ o.path("code").asString() + " — " + o.path("title").asString() + " "
							+ points(o.path("weight").decimalValue()))));
		}
		softly.assertThat(all).contains(compact("Totale dr Antonio d'Azzeo 100,00% 75,49%"),
				compact("(20 · 87,08% + 30 · 80,08% + 20 · 91,48% + 30 · 52,50%) / 100 = 75,49%"));
		JsonNode revision = Seed.JSON.readTree(Seed.read(Seed.DEMO.resolve("revisione-2018.json")));
		JsonNode act = revision.path("act");
		softly.assertThat(all).contains(compact("Versione 2 del piano"),
				compact(act.path("type").asString() + " n. " + act.path("number").asString()),
				compact(LocalDate.parse(act.path("date").asString()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
				compact("Si applica alle verifiche del: 31/12/2018"));
		for (JsonNode change : revision.path("changes")) {
			if (change.path("type").asString().equals("TARGET_CHANGED")) {
				String objective = change.path("objective").asString();
				softly.assertThat(section(all, objective, null)).as("new target of %s/%s", objective,
						change.path("indicator").asString())
						.contains(compact(change.path("target").path("text").asString()));
			}
		}
		softly.assertThat(all).contains(compact("Brescia, " + ReportBuilder.BLANK),
				compact("L'Organismo indipendente di valutazione (Prof. Claudio Teodori)"),
				compact("Il Segretario Generale (Dr Massimo Ziletti)"),
				compact("Il Presidente (Dr Giuseppe Ambrosi)"));
		softly.assertAll();
	}

	// --- the figures, as the document writes them in Italian ---

	private static List<String> expectedResult(JsonNode indicator, JsonNode value) {
		List<String> figures = new ArrayList<>();
		String kind = indicator.path("measureKind").asString();
		if (!value.path("number").isNull() && !value.path("number").isMissingNode()) {
			BigDecimal number = value.path("number").decimalValue();
			figures.add(kind.equals("PERCENTAGE") ? points(number) : italian(number));
		}
		if (!value.path("yes").isNull() && !value.path("yes").isMissingNode()) {
			figures.add(value.path("yes").asBoolean() ? "sì" : "no");
		}
		value.path("components").properties()
				.forEach(e -> figures.add(italian(e.getValue().decimalValue()) + e.getKey()));
		value.path("delivered").forEach(d -> figures.add(d.path("milestone").asString() + "("
				+ LocalDate.parse(d.path("date").asString()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ")"));
		if (kind.equals("MILESTONE") && value.path("delivered").isEmpty()) {
			figures.add("nessunafaseconsegnata");
		}
		if (!value.path("assessment").isNull() && !value.path("assessment").isMissingNode()) {
			figures.add(italian(value.path("assessment").decimalValue()) + "/100");
		}
		return figures.stream().map(ReportAcceptanceTest::compact).toList();
	}

	private static List<String> expectedDeviation(JsonNode indicator, JsonNode deviation) {
		List<String> figures = new ArrayList<>();
		if (!deviation.path("number").isNull()) {
			BigDecimal number = deviation.path("number").decimalValue();
			String sign = number.signum() > 0 ? "+" : "";
			figures.add(indicator.path("measureKind").asString().equals("PERCENTAGE") ? sign + points(number)
					: sign + italian(number));
		}
		else if (!deviation.path("components").isNull()) {
			deviation.path("components").properties().forEach(e -> {
				BigDecimal number = e.getValue().decimalValue();
				figures.add((number.signum() > 0 ? "+" : "") + italian(number) + e.getKey());
			});
		}
		else if (!deviation.path("missedMilestones").isNull()) {
			deviation.path("missedMilestones").forEach(m -> figures.add(m.asString()));
			figures.add(deviation.path("text").asString());
		}
		else {
			figures.add(deviation.path("text").asString());
		}
		return figures.stream().map(ReportAcceptanceTest::compact).toList();
	}

	static String italian(BigDecimal number) {
		DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ITALY));
		return format.format(number);
	}

	static String points(BigDecimal number) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY));
		return format.format(number) + "%";
	}

	// --- reading the document ---

	private static List<JsonNode> objectives(JsonNode plan) {
		List<JsonNode> objectives = new ArrayList<>();
		plan.path("strategicAreas").forEach(a -> a.path("strategicObjectives")
				.forEach(s -> s.path("operationalObjectives").forEach(objectives::add)));
		return objectives;
	}

	private static String heading(JsonNode objective) {
		return compact("Obiettivo operativo " + objective.path("code").asString() + " — "
				+ objective.path("title").asString() + " Obiettivo strategico");
	}

	/**
	 * An objective's own pages: from its heading (the last place its code and title are written with the next row
	 * of its sheet) to {@code end}, or to the next heading of an objective when {@code end} is null.
	 */
	private String section(String all, String code, String end) {
		JsonNode objective = objectives(revised).stream().filter(o -> o.path("code").asString().equals(code))
				.findFirst().orElseThrow();
		int from = all.lastIndexOf(heading(objective));
		if (from < 0) {
			return "";
		}
		int to = end == null ? all.indexOf(compact("Obiettivo operativo"), from + heading(objective).length())
				: all.indexOf(end, from);
		return all.substring(from, to < 0 ? all.length() : to);
	}

	private static String key(JsonNode result) {
		return result.path("objective").asString() + "/" + result.path("indicator").asString();
	}

	/** Without any white space: a line the layout broke reads as the text it was. */
	static String compact(String text) {
		return text.replaceAll("\\s+", "");
	}

	/** The text a reader sees in the HTML: no style, no tags, entities read. */
	static String textOf(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<[^>]+>", " ").replace("&#39;", "'")
				.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}
}
