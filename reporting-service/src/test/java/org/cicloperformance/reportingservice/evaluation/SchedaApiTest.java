package org.cicloperformance.reportingservice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The scheda di valutazione through the API on the year-end example closed by the OIV: created from the FINAL
 * scores (never re-typed), rated, proposed, acknowledged, reviewed, made FINAL and corrected as a new version; every
 * refused move and role answered as problem+json naming the field and the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedaApiTest extends IntegrationTest {

	static final String PLAN = "schede-cciaa-brescia-2018";

	static final String SCHEDE = "/api/plans/" + PLAN + "/schede";

	static final String GOOD = """
			{"revision": %d, "ratings": [
			  {"behaviour": "DIFF", "level": 4}, {"behaviour": "RIS", "level": 5},
			  {"behaviour": "RIS-UM", "level": 3}, {"behaviour": "COLL", "level": 4}]}""";

	@Autowired
	CurrentScores current;

	Api beforeClosing;

	Scorecard card;

	@BeforeAll
	void closeTheYear() throws Exception {
		YearEndClosing.results(PLAN, scores);
		beforeClosing = Api.call(mvc, HttpMethod.POST, SCHEDE, "segretario", "{\"manager\": \"vairano\"}");
		YearEndClosing.close(PLAN, current);
		card = current.find(PLAN, YearEndClosing.DECEMBER).orElseThrow().scorecard();
	}

	@Test
	void aSchedaWaitsForTheOivsClosingOfTheFinalCheckpoint() {
		assertThat(beforeClosing.status()).isEqualTo(409);
		assertThat(beforeClosing.contentType()).startsWith("application/problem+json");
		assertThat(beforeClosing.refusal()).isEqualTo("/planId scores-not-final");
		assertThat(beforeClosing.json().path("detail").asString()).contains("non è ancora stata chiusa dall'OIV");
	}

	@Test
	void theWholeLifecycleWithAReviewEndsFinalAndACorrectionIsANewVersion() throws Exception {
		Api created = Api.call(mvc, HttpMethod.POST, SCHEDE, "segretario", "{\"manager\": \"dazzeo\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode scheda = created.json().path("scheda");
		assertThat(scheda.path("state").asString()).isEqualTo("DRAFT");
		assertThat(scheda.path("ownObjectives").decimalValue())
			.isEqualByComparingTo(card.manager("dazzeo").orElseThrow().score());
		assertThat(scheda.path("ownObjectivesArithmetic").asString())
			.isEqualTo(card.manager("dazzeo").orElseThrow().arithmetic());
		assertThat(scheda.path("entityPerformance").decimalValue()).isEqualByComparingTo(card.entity().score());
		assertThat(scheda.path("checkpoint").asString()).isEqualTo("2018-12-31");
		assertThat(scheda.path("closing").asInt()).isEqualTo(1);
		assertThat(created.json().path("policy").path("behaviours")).hasSize(4);
		// the demo plan's events carry no SMVP evaluation policy: the configured file, recorded on the scheda
		assertThat(scheda.path("policy").asString()).startsWith("classpath:evaluation/politica-valutazione-esempio.json")
			.contains("file di configurazione");
		assertThat(created.json().path("policy").path("source").asString()).isEqualTo(scheda.path("policy").asString());
		assertThat(Api.call(mvc, HttpMethod.POST, SCHEDE, "segretario", "{\"manager\": \"dazzeo\"}").refusal())
			.isEqualTo("/manager scheda-exists");

		Api notRated = move("segretario", "PROPOSE", 0, null);
		assertThat(notRated.status()).isEqualTo(409);
		assertThat(notRated.refusal()).isEqualTo("/ratings not-rated");

		Api noReason = rate("segretario", """
				{"revision": 0, "ratings": [
				  {"behaviour": "DIFF", "level": 2}, {"behaviour": "RIS", "level": 5},
				  {"behaviour": "RIS-UM", "level": 3}, {"behaviour": "COLL", "level": 9}]}""");
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.json().path("errors")).extracting(e -> e.path("pointer").asString() + " "
				+ e.path("reason").asString())
			.containsExactlyInAnyOrder("/ratings/0/reason reason-required", "/ratings/3/level outside-scale");
		assertThat(noReason.json().path("detail").asString()).contains("La motivazione è obbligatoria.");
		Api missing = rate("segretario", "{\"revision\": 0, \"ratings\": [{\"behaviour\": \"DIFF\", \"level\": 4}]}");
		assertThat(missing.json().path("errors")).extracting(e -> e.path("detail").asString())
			.contains("Manca la valutazione del comportamento RIS.");

		Api rated = rate("segretario", GOOD.formatted(0));
		assertThat(rated.status()).as(rated.text()).isEqualTo(200);
		JsonNode computed = rated.json().path("scheda").path("computed");
		assertThat(computed.path("behaviours").decimalValue()).isEqualByComparingTo("0.80");
		assertThat(computed.path("arithmetic").asString()).startsWith("60,00% × ").contains("(comportamenti)");
		assertThat(Api.call(mvc, HttpMethod.GET, SCHEDE + "/dazzeo", "dirigente", null).status())
			.as("a draft is not the manager's yet").isEqualTo(404);
		assertThat(Api.call(mvc, HttpMethod.GET, SCHEDE + "/dazzeo", "personale", null).status())
			.as("HR reads FINAL schede only").isEqualTo(404);

		assertThat(move("segretario", "PROPOSE", 0, null).refusal()).isEqualTo("/revision stale-revision");
		Api proposed = move("segretario", "PROPOSE", 1, null);
		assertThat(proposed.json().path("scheda").path("state").asString()).isEqualTo("PROPOSED");
		assertThat(proposed.json().path("scheda").path("reviewDeadline").asString()).isNotEmpty();
		assertThat(move("segretario", "FINALISE", 2, null).refusal()).isEqualTo("/action transition-not-allowed");
		assertThat(move("oiv", "ACKNOWLEDGE", 2, null).refusal()).isEqualTo("/action not-own-scheda");
		assertThat(Api.call(mvc, HttpMethod.GET, SCHEDE + "/dazzeo", "dirigente", null).status()).isEqualTo(200);

		assertThat(move("dirigente", "ACKNOWLEDGE", 2, null).json().path("scheda").path("state").asString())
			.isEqualTo("ACKNOWLEDGED");
		assertThat(move("dirigente", "REQUEST_REVIEW", 3, " ").refusal()).isEqualTo("/reason reason-required");
		assertThat(move("segretario", "FINALISE", 3, null).refusal()).isEqualTo("/action review-period-open");
		assertThat(move("dirigente", "REQUEST_REVIEW", 3, "DIFF sottostimato").json().path("scheda").path("state")
			.asString()).isEqualTo("REVIEW_REQUESTED");
		assertThat(rate("segretario", GOOD.replace("\"DIFF\", \"level\": 4", "\"DIFF\", \"level\": 5").formatted(4))
			.status()).as("the review may change the ratings").isEqualTo(200);
		assertThat(move("dirigente", "REVIEW", 5, "ok").refusal()).isEqualTo("/action role-not-allowed");
		assertThat(move("oiv", "REVIEW", 5, "ok").refusal()).isEqualTo("/action role-not-allowed");
		assertThat(move("segretario", "REVIEW", 5, "Accolta: DIFF portato a 5").json().path("scheda").path("state")
			.asString()).isEqualTo("REVIEWED");
		Api finalised = move("segretario", "FINALISE", 6, null);
		JsonNode fin = finalised.json().path("scheda");
		assertThat(fin.path("state").asString()).isEqualTo("FINAL");
		assertThat(fin.path("finalAt").asString()).isNotEmpty();
		assertThat(fin.path("history")).extracting(s -> s.path("action").asString() + " " + s.path("actor").asString())
			.containsExactly("PROPOSE segretario", "ACKNOWLEDGE dirigente", "REQUEST_REVIEW dirigente",
					"REVIEW segretario", "FINALISE segretario");

		assertThat(rate("segretario", GOOD.formatted(7)).refusal()).isEqualTo("/state not-editable");
		assertThat(move("dirigente", "REQUEST_REVIEW", 7, "ancora").refusal())
			.isEqualTo("/action transition-not-allowed");
		assertThat(move("segretario", "CORRECT", 7, null).refusal()).isEqualTo("/reason reason-required");
		Api corrected = move("segretario", "CORRECT", 7, "Errore materiale nel comportamento COLL");
		assertThat(corrected.json().path("scheda").path("version").asInt()).isEqualTo(2);
		assertThat(corrected.json().path("scheda").path("state").asString()).isEqualTo("DRAFT");
		assertThat(corrected.json().path("scheda").path("correctionReason").asString()).contains("COLL");

		JsonNode versions = Api.call(mvc, HttpMethod.GET, SCHEDE + "/dazzeo/versions", "pianificatore", null).json();
		assertThat(versions).hasSize(2);
		assertThat(versions.path(0).path("state").asString()).as("the FINAL version is never changed")
			.isEqualTo("FINAL");
		assertThat(versions.path(0).path("revision").asLong()).isEqualTo(7);
		assertThat(Api.call(mvc, HttpMethod.GET, SCHEDE + "/dazzeo", "personale", null).json().path("scheda")
			.path("version").asInt()).as("HR still reads the FINAL version").isEqualTo(1);
	}

	@Test
	void everyRoleThatMayNotActIsRefusedNamingTheReason() throws Exception {
		assertThat(Api.call(mvc, HttpMethod.POST, SCHEDE, "pianificatore", "{\"manager\": \"ziletti\"}").status())
			.isEqualTo(403);
		assertThat(Api.call(mvc, HttpMethod.POST, SCHEDE, "dirigente", "{\"manager\": \"ziletti\"}").status())
			.isEqualTo(403);
		Api oivOnADirigente = Api.call(mvc, HttpMethod.POST, SCHEDE, "oiv", "{\"manager\": \"ziletti\"}");
		assertThat(oivOnADirigente.status()).isEqualTo(403);
		assertThat(oivOnADirigente.refusal()).isEqualTo(" role-not-allowed");
		assertThat(Api.call(mvc, HttpMethod.POST, SCHEDE, "segretario", "{\"manager\": \"nessuno\"}").refusal())
			.isEqualTo("/manager unknown-manager");
		assertThat(Api.call(mvc, HttpMethod.POST, SCHEDE, "segretario", "{\"manager\": \"a b\"}").refusal())
			.isEqualTo("/manager invalid-id");
		assertThat(Api.call(mvc, HttpMethod.POST, SCHEDE, "segretario", "{\"manager\": \"ziletti\"}").status())
			.isEqualTo(201);

		Api english = Api.call(mvc, HttpMethod.POST, SCHEDE + "/ziletti/transitions", "lettore",
				"{\"action\": \"PROPOSE\", \"revision\": 0}", "en");
		assertThat(english.status()).isEqualTo(403);
		assertThat(Api.call(mvc, HttpMethod.GET, SCHEDE + "/ziletti", "lettore", null).status()).isEqualTo(403);
		assertThat(Api.call(mvc, HttpMethod.GET, SCHEDE + "/ziletti", "ufficio", null).status()).isEqualTo(403);
		assertThat(Api.call(mvc, HttpMethod.GET, SCHEDE + "/ziletti", "dirigente", null).refusal())
			.isEqualTo("/manager not-own-scheda");
		Api tooLong = Api.call(mvc, HttpMethod.POST, SCHEDE + "/ziletti/transitions", "segretario",
				"{\"action\": \"PROPOSE\", \"revision\": 0, \"reason\": \"" + "x".repeat(2001) + "\"}", "en");
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.json().path("detail").asString()).isEqualTo("Text too long (at most 2000 characters).");
		assertThat(Api.call(mvc, HttpMethod.PUT, SCHEDE + "/ziletti/ratings", "dirigente", GOOD.formatted(0))
			.status()).isEqualTo(403);
		assertThat(Api.call(mvc, HttpMethod.PUT, SCHEDE + "/ziletti/ratings", "segretario", null).refusal())
			.isEqualTo(" body-required");
		assertThat(Api.call(mvc, HttpMethod.GET, SCHEDE, "pianificatore", null).json().path("schede"))
			.extracting(s -> s.path("managerId").asString()).contains("ziletti");
		assertThat(Api.call(mvc, HttpMethod.GET, "/api/plans/ignoto/schede", "pianificatore", null).status())
			.isEqualTo(404);
	}

	private Api rate(String user, String body) throws Exception {
		return Api.call(mvc, HttpMethod.PUT, SCHEDE + "/dazzeo/ratings", user, body);
	}

	private Api move(String user, String action, long revision, String reason) throws Exception {
		String body = "{\"action\": \"" + action + "\", \"revision\": " + revision
				+ (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}";
		return Api.call(mvc, HttpMethod.POST, SCHEDE + "/dazzeo/transitions", user, body);
	}
}
