package org.cicloperformance.reportingservice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The funds HR enters (versioned, never overwritten), the result pay table from the three FINAL schede of the
 * year-end example with 2.2.1's project incentives from the plan (15.205 € managers, 21.140 € staff), every
 * managers' fund paid to the cent with the differentiation check, and the transparency data without anybody
 * identifiable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayApiTest extends IntegrationTest {

	static final String PLAN = "pay-cciaa-brescia-2018";

	static final String BASE = "/api/plans/" + PLAN;

	/** Levels per manager, so that the three totals differ (examples). */
	static final Map<String, List<Integer>> LEVELS = Map.of("vairano", List.of(5, 5, 5, 5), "dazzeo",
			List.of(4, 4, 3, 4), "ziletti", List.of(3, 3, 3, 3));

	static final Map<String, String> MANAGERS = Map.of("vairano", "dirigente-vairano", "dazzeo", "dirigente",
			"ziletti", "dirigente-ziletti");

	@Autowired
	CurrentScores current;

	static final String HR_FEED = BASE + "/checkpoints/" + YearEndClosing.DECEMBER + "/hr-feed";

	Api beforeAnyFinal;

	Api hrFeedBeforeAnyFinal;

	Api hrFeedWithOneFinal;

	@BeforeAll
	void finaliseTheThreeSchede() throws Exception {
		YearEndClosing.results(PLAN, scores);
		YearEndClosing.close(PLAN, current);
		beforeAnyFinal = Api.call(mvc, HttpMethod.GET, BASE + "/pay", "personale", null);
		hrFeedBeforeAnyFinal = Api.call(mvc, HttpMethod.GET, HR_FEED, "personale", null);
		for (String manager : List.of("dazzeo", "vairano", "ziletti")) {
			finalise(manager);
			if (hrFeedWithOneFinal == null) {
				hrFeedWithOneFinal = Api.call(mvc, HttpMethod.GET, HR_FEED, "personale", null);
			}
		}
	}

	@Test
	void theFinalHrFeedCarriesAFinalSchedaAndItsPayAndNothingNewWithout() throws Exception {
		assertThat(hrFeedBeforeAnyFinal.status()).as(hrFeedBeforeAnyFinal.text()).isEqualTo(200);
		assertThat(hrFeedBeforeAnyFinal.json().path("status").asString()).isEqualTo("FINAL");
		for (JsonNode row : hrFeedBeforeAnyFinal.json().path("rows")) {
			assertThat(row.has("evaluation")).as("no FINAL scheda yet: %s", row).isFalse();
			assertThat(row.has("resultPay")).isFalse();
		}
		JsonNode oneFinal = hrFeedWithOneFinal.json();
		assertThat(feedRow(oneFinal, "dazzeo").path("evaluation").path("state").asString()).isEqualTo("FINAL");
		assertThat(feedRow(oneFinal, "vairano").has("evaluation")).as("vairano's scheda is not FINAL yet").isFalse();
		assertThat(feedRow(oneFinal, "vairano").has("resultPay")).isFalse();

		JsonNode feed = Api.call(mvc, HttpMethod.GET, HR_FEED, "personale", null).json();
		JsonNode vairano = feedRow(feed, "vairano");
		JsonNode evaluation = vairano.path("evaluation");
		assertThat(evaluation.path("version").asInt()).isEqualTo(1);
		assertThat(evaluation.path("checkpoint").asString()).isEqualTo(YearEndClosing.DECEMBER);
		assertThat(evaluation.path("total").decimalValue()).isPositive();
		assertThat(evaluation.path("arithmetic").asString()).contains("(comportamenti)", "fascia");
		JsonNode pay = null;
		for (JsonNode share : vairano.path("resultPay")) {
			if (share.path("fundName").asString().equals("Fondo Dirigenti — obiettivo 2.2.1")) {
				pay = share;
			}
		}
		assertThat(pay).as("the 2.2.1 managers' fund in %s", vairano).isNotNull();
		assertThat(pay.path("amount").decimalValue()).isEqualByComparingTo("6588.84");
		assertThat(pay.path("fundAmount").decimalValue()).isEqualByComparingTo("15205");
		assertThat(pay.path("act").asString()).contains("obiettivo 2.2.1");
		assertThat(pay.path("differentiated").asBoolean()).isTrue();
		BigDecimal paid = BigDecimal.ZERO;
		for (JsonNode row : feed.path("rows")) {
			for (JsonNode share : row.path("resultPay")) {
				if (share.path("fund").asString().equals(pay.path("fund").asString())) {
					paid = paid.add(share.path("amount").decimalValue());
				}
			}
		}
		assertThat(paid).as("the feed's amounts of a fund sum to it").isEqualByComparingTo("15205.00");

		String csv = Api.call(mvc, HttpMethod.GET, HR_FEED + ".csv", "personale", null).text();
		assertThat(csv.lines().filter(l -> l.startsWith("RISULTATO;") && l.contains(";vairano;"))
			.filter(l -> l.endsWith(";SI;6588,84"))).hasSize(1);
		assertThat(csv.lines().filter(l -> l.startsWith("DIRIGENTE;") && l.contains(";vairano;")).findFirst()
			.orElseThrow()).contains(";1;FINAL;");
	}

	@Test
	void hrEntersTheFundsAsVersionsAndNobodyElseMay() throws Exception {
		String fund = """
				{"code": "risultato-dirigenti", "name": "Retribuzione di risultato dei dirigenti",
				 "recipients": "MANAGERS", "amount": %s, "act": "Determinazione n. 12 (esempio)",
				 "actDate": "2019-02-10", "replaces": %d}""";
		assertThat(Api.call(mvc, HttpMethod.POST, BASE + "/funds", "pianificatore", fund.formatted("60000", 0))
			.status()).isEqualTo(403);
		assertThat(Api.call(mvc, HttpMethod.POST, BASE + "/funds", "segretario", fund.formatted("60000", 0))
			.status()).isEqualTo(403);
		assertThat(Api.call(mvc, HttpMethod.POST, BASE + "/funds", "personale", fund.formatted("-1", 0)).refusal())
			.isEqualTo("/amount invalid-amount");
		assertThat(Api.call(mvc, HttpMethod.POST, BASE + "/funds", "personale", fund.formatted("1.001", 0))
			.refusal()).isEqualTo("/amount invalid-amount");
		assertThat(Api.call(mvc, HttpMethod.POST, BASE + "/funds", "personale", fund.formatted("60000", 0))
			.status()).isEqualTo(201);
		Api again = Api.call(mvc, HttpMethod.POST, BASE + "/funds", "personale", fund.formatted("60000", 0));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.refusal()).isEqualTo("/replaces fund-exists");
		assertThat(Api.call(mvc, HttpMethod.POST, BASE + "/funds", "personale", fund.formatted("61000.50", 1))
			.json().path("version").asInt()).isEqualTo(2);

		JsonNode funds = Api.call(mvc, HttpMethod.GET, BASE + "/funds", "personale", null).json();
		assertThat(funds.path("versions")).extracting(v -> v.path("amount").decimalValue().stripTrailingZeros().toPlainString())
			.containsExactly("60000", "61000.5");
		JsonNode inForce = funds.path("inForce");
		assertThat(inForce).extracting(f -> f.path("name").asString() + " " + f.path("amount").decimalValue()
			.stripTrailingZeros().toPlainString())
			.contains("Retribuzione di risultato dei dirigenti 61000.5", "Fondo Dirigenti — obiettivo 2.2.1 15205",
					"Fondo Dipendenti — obiettivo 2.2.1 21140");

		JsonNode pay = Api.call(mvc, HttpMethod.GET, BASE + "/pay", "personale", null).json();
		JsonNode hr = fund(pay, "Retribuzione di risultato dei dirigenti");
		assertThat(sum(hr.path("table").path("lines"))).isEqualByComparingTo("61000.50");
	}

	@Test
	void theProjectIncentiveIsSplitToTheCentWithTheDifferentiationCheck() throws Exception {
		assertThat(beforeAnyFinal.status()).isEqualTo(200);
		assertThat(beforeAnyFinal.json().path("evaluated")).isEmpty();

		Api response = Api.call(mvc, HttpMethod.GET, BASE + "/pay", "personale", null);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode pay = response.json();
		assertThat(pay.path("evaluated")).hasSize(3);
		assertThat(pay.path("notYetFinal")).isEmpty();
		JsonNode managers = fund(pay, "Fondo Dirigenti — obiettivo 2.2.1");
		assertThat(managers.path("fund").path("act").asString()).contains("obiettivo 2.2.1", "5 × 3.041 €");
		JsonNode table = managers.path("table");
		assertThat(sum(table.path("lines"))).as("the amounts sum to the fund").isEqualByComparingTo("15205.00");
		assertThat(table.path("paid").decimalValue()).isEqualByComparingTo("15205.00");
		assertThat(table.path("averagePerHead").decimalValue()).isEqualByComparingTo("5068.33");
		JsonNode best = table.path("lines").findValues("managerId").stream().map(JsonNode::asString).toList()
			.contains("vairano") ? line(table, "vairano") : null;
		assertThat(best.path("differentiated").asBoolean()).isTrue();
		assertThat(best.path("amount").decimalValue()).as("1,3 × 5.068,333… rounded up")
			.isEqualByComparingTo("6588.84");
		assertThat(best.path("arithmetic").asString()).isEqualTo(
				"15.205,00 € ÷ 3 = 5.068,33 € media pro capite × 1,3 × 100,00% = 6.588,84 €");
		JsonNode check = table.path("check");
		assertThat(check.path("holds").asBoolean()).isTrue();
		assertThat(check.path("explanation").asString()).contains("1 dirigenti su un massimo di 1: regola rispettata");
		assertThat(fund(pay, "Fondo Dipendenti — obiettivo 2.2.1").path("table").isNull()).isTrue();
		assertThat(pay.path("staffFunds").decimalValue()).isEqualByComparingTo("21140");

		Api csv = Api.call(mvc, HttpMethod.GET, BASE + "/pay.csv", "personale", null);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.text()).startsWith("\uFEFFtipo_riga;piano;fondo;").contains("6588,84", "15205,00",
				"VERIFICA_DIFFERENZIAZIONE", "rispettata");
		assertThat(Api.call(mvc, HttpMethod.GET, BASE + "/pay", "dirigente", null).status()).isEqualTo(403);
		assertThat(Api.call(mvc, HttpMethod.GET, BASE + "/pay", "segretario", null).status()).isEqualTo(403);
	}

	@Test
	void theTransparencyDataHoldNobodyIdentifiable() throws Exception {
		Api json = Api.call(mvc, HttpMethod.GET, BASE + "/transparency", "personale", null);
		assertThat(json.status()).as(json.text()).isEqualTo(200);
		JsonNode t = json.json();
		assertThat(t.path("threshold").asInt()).isEqualTo(3);
		assertThat(t.path("amountColumns")).isNotEmpty();
		assertThat(t.path("distributionColumns")).extracting(c -> c.path("name").asString()).contains("fascia",
				"dirigenti");
		for (JsonNode band : t.path("distribution")) {
			boolean hidden = band.path("hidden").asBoolean();
			assertThat(hidden || band.path("people").asInt() == 0 || band.path("people").asInt() >= 3)
				.as("a band of fewer than 3 people is hidden: %s", band).isTrue();
			if (hidden) {
				assertThat(band.path("people").isNull()).isTrue();
				assertThat(band.path("paid").isNull()).isTrue();
			}
		}
		assertThat(t.path("amounts")).extracting(a -> a.path("fund").asString())
			.contains("Fondo Dirigenti — obiettivo 2.2.1");
		String html = Api.call(mvc, HttpMethod.GET, BASE + "/transparency/page", "personale", null).text();
		String amounts = Api.call(mvc, HttpMethod.GET, BASE + "/transparency/amounts.csv", "oiv", null).text();
		String distribution = Api.call(mvc, HttpMethod.GET, BASE + "/transparency/distribution.csv", "pianificatore",
				null).text();
		assertThat(html).contains("Ammontare complessivo dei premi", "Dati relativi ai premi", "15.205,00 €");
		assertThat(amounts).startsWith("\uFEFFfondo;destinatari;atto;").contains("15205,00", "21140,00");
		assertThat(distribution).startsWith("\uFEFFfascia;");
		for (String text : List.of(json.text(), html, amounts, distribution)) {
			assertThat(text).doesNotContain("vairano", "dazzeo", "ziletti", "Vairano", "Dazzeo", "Ziletti");
		}
		assertThat(Api.call(mvc, HttpMethod.GET, BASE + "/transparency", "lettore", null).status()).isEqualTo(403);
	}

	private void finalise(String manager) throws Exception {
		String schede = BASE + "/schede";
		assertThat(Api.call(mvc, HttpMethod.POST, schede, "segretario", "{\"manager\": \"" + manager + "\"}")
			.status()).isEqualTo(201);
		List<Integer> l = LEVELS.get(manager);
		String ratings = """
				{"revision": 0, "ratings": [{"behaviour": "DIFF", "level": %d}, {"behaviour": "RIS", "level": %d},
				 {"behaviour": "RIS-UM", "level": %d}, {"behaviour": "COLL", "level": %d}]}"""
			.formatted(l.get(0), l.get(1), l.get(2), l.get(3));
		Api rated = Api.call(mvc, HttpMethod.PUT, schede + "/" + manager + "/ratings", "segretario", ratings);
		assertThat(rated.status()).as(rated.text()).isEqualTo(200);
		move(manager, "segretario", "PROPOSE", 1, null);
		move(manager, MANAGERS.get(manager), "REQUEST_REVIEW", 2, "Chiedo di essere sentito");
		move(manager, "segretario", "REVIEW", 3, "Sentito il dirigente, confermata");
		Api fin = move(manager, "segretario", "FINALISE", 4, null);
		assertThat(fin.json().path("scheda").path("state").asString()).as(fin.text()).isEqualTo("FINAL");
	}

	private Api move(String manager, String user, String action, long revision, String reason) throws Exception {
		String body = "{\"action\": \"" + action + "\", \"revision\": " + revision
				+ (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}";
		Api moved = Api.call(mvc, HttpMethod.POST, BASE + "/schede/" + manager + "/transitions", user, body);
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		return moved;
	}

	private static JsonNode fund(JsonNode pay, String name) {
		for (JsonNode f : pay.path("funds")) {
			if (f.path("fund").path("name").asString().equals(name)) {
				return f;
			}
		}
		throw new AssertionError("no fund " + name + " in " + pay);
	}

	private static JsonNode feedRow(JsonNode feed, String manager) {
		for (JsonNode row : feed.path("rows")) {
			if (row.path("managerId").asString().equals(manager)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + manager + " in " + feed);
	}

	private static JsonNode line(JsonNode table, String manager) {
		for (JsonNode l : table.path("lines")) {
			if (l.path("managerId").asString().equals(manager)) {
				return l;
			}
		}
		throw new AssertionError("no line for " + manager);
	}

	private static BigDecimal sum(JsonNode lines) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode l : lines) {
			sum = sum.add(l.path("amount").decimalValue());
		}
		return sum;
	}
}
