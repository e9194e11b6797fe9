package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * The schede di valutazione and the result pay in the dashboard without a browser (issue 16), on the year-end
 * example closed by the OIV: the evaluator creates, rates and proposes, the refusals of the rules next to the fields
 * they name; the manager reads only their own, acknowledges it or asks for a review; HR, the planner and the OIV read
 * the pay table with its check; every other role is refused, another entity's plan is not found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationPagesTest extends IntegrationTest {

	static final String PLAN = "evaluation-pages-2018";

	@Autowired
	CurrentScores current;

	EvaluationForms forms;

	MockHttpSession evaluator;

	MockHttpServletResponse beforeClosing;

	Scorecard card;

	@BeforeAll
	void closeTheYearAndFinaliseZilettisScheda() throws Exception {
		forms = new EvaluationForms(mvc, PLAN);
		EvaluationForms.results(PLAN, scores);
		evaluator = SignIn.as(mvc, "segretario");
		beforeClosing = forms.create("ziletti", evaluator);
		EvaluationForms.close(PLAN, current);
		card = current.find(PLAN, EvaluationForms.DECEMBER).orElseThrow().scorecard();

		MockHttpSession ziletti = SignIn.as(mvc, "dirigente-ziletti");
		assertThat(forms.create("ziletti", evaluator).getStatus()).isEqualTo(302);
		assertThat(forms.rate("ziletti", evaluator, EvaluationForms.levels(3, 3, 3, 3), Map.of()).getStatus())
			.isEqualTo(302);
		assertThat(forms.move("ziletti", evaluator, "PROPOSE", null).getStatus()).isEqualTo(302);
		assertThat(forms.move("ziletti", ziletti, "REQUEST_REVIEW", "Chiedo di essere sentito").getStatus())
			.isEqualTo(302);
		assertThat(forms.move("ziletti", evaluator, "REVIEW", "Sentito il dirigente, confermata").getStatus())
			.isEqualTo(302);
		assertThat(forms.move("ziletti", evaluator, "FINALISE", null).getStatus()).isEqualTo(302);
	}

	@Test
	void beforeTheOivsClosingTheSchedaIsRefusedWithTheReasonInTheSummary() throws Exception {
		assertThat(beforeClosing.getStatus()).isEqualTo(409);
		assertThat(beforeClosing.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"error-summary\"")
			.contains("non è ancora stata chiusa dall&#39;OIV");
	}

	@Test
	void theEvaluatorRatesOnTheScaleWithRefusalsByTheirFieldsAndProposes() throws Exception {
		String list = forms.html(forms.schede(), evaluator, 200);
		assertThat(list).contains("id=\"scheda-dazzeo\"").contains("id=\"create-dazzeo\"").contains("id=\"nav-schede\"")
			.doesNotContain("id=\"nav-pay\"");

		MockHttpServletResponse created = forms.create("dazzeo", evaluator);
		assertThat(created.getStatus()).isEqualTo(302);
		assertThat(created.getRedirectedUrl()).isEqualTo(forms.scheda("dazzeo"));
		String draft = forms.html(forms.scheda("dazzeo"), evaluator, 200);
		Formats f = Formats.italian();
		assertThat(draft).contains("Scheda di valutazione di").contains("Bozza")
			.contains(f.percent(card.manager("dazzeo").orElseThrow().score()))
			.contains(f.percent(card.entity().score()))
			.contains("name=\"level-DIFF\"").contains("id=\"level-DIFF-5\"").contains("Eccellente")
			.contains("id=\"reason-RIS-UM\"").contains("Obbligatoria per un livello sotto 3.")
			.contains("id=\"action-PROPOSE\"").doesNotContain("id=\"total-arithmetic\"");

		// DIFF at 2 without a reason, COLL not rated: both refused, each next to its field, the levels kept
		MockHttpServletResponse refused = forms.rate("dazzeo", evaluator, Map.of("DIFF", "2", "RIS", "5",
				"RIS-UM", "3"), Map.of());
		String page = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(page).contains("id=\"error-summary\"").contains("<title>(2 da correggere)")
			.contains("href=\"#reason-DIFF\"").contains("id=\"reason-DIFF-error\"")
			.contains("La motivazione è obbligatoria.").contains("href=\"#level-COLL\"")
			.contains("id=\"level-COLL-error\"").contains("Manca la valutazione del comportamento COLL.")
			.contains("aria-describedby=\"reason-DIFF-hint reason-DIFF-error\"").contains("aria-invalid=\"true\"");
		assertThat(page).containsPattern("id=\"level-DIFF-2\"[^>]*checked");

		MockHttpServletResponse rated = forms.rate("dazzeo", evaluator, EvaluationForms.levels(2, 5, 3, 4),
				Map.of("DIFF", "Valutazioni dei collaboratori tutte uguali"));
		assertThat(rated.getStatus()).isEqualTo(302);
		String withTotal = forms.html(forms.scheda("dazzeo"), evaluator, 200);
		assertThat(withTotal).contains("Valutazioni salvate").contains("id=\"total-arithmetic\"")
			.contains("(comportamenti)").contains("Valutazioni dei collaboratori tutte uguali");

		String stale = "0";
		assertThat(forms.move("dazzeo", evaluator, "PROPOSE", null).getStatus()).isEqualTo(302);
		String proposed = forms.html(forms.scheda("dazzeo"), evaluator, 200);
		assertThat(proposed).contains("Proposta al dirigente").contains("id=\"review-deadline\"")
			.contains("id=\"action-FINALISE\"").doesNotContain("name=\"level-DIFF\"").contains("id=\"rating-DIFF\"");
		MockHttpServletResponse conflict = forms.submit(forms.scheda("dazzeo") + "/transitions", evaluator,
				"revision", stale, "action", "FINALISE");
		assertThat(conflict.getStatus()).isEqualTo(409);
		assertThat(conflict.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"error-summary\"")
			.contains("modificata nel frattempo");
	}

	@Test
	void theManagerReadsOnlyTheirOwnSchedaAndAcknowledgesOrAsksForAReviewWithAReason() throws Exception {
		MockHttpSession vairano = SignIn.as(mvc, "dirigente-vairano");
		assertThat(forms.create("vairano", evaluator).getStatus()).isEqualTo(302);
		forms.html(forms.scheda("vairano"), vairano, 404);
		assertThat(forms.rate("vairano", evaluator, EvaluationForms.levels(5, 5, 4, 4), Map.of()).getStatus())
			.isEqualTo(302);
		assertThat(forms.move("vairano", evaluator, "PROPOSE", null).getStatus()).isEqualTo(302);

		MockHttpServletResponse toOwn = forms.page(forms.schede(), vairano);
		assertThat(toOwn.getStatus()).isEqualTo(302);
		assertThat(toOwn.getRedirectedUrl()).isEqualTo(forms.scheda("vairano"));
		String own = forms.html(forms.scheda("vairano"), vairano, 200);
		assertThat(own).contains("id=\"action-ACKNOWLEDGE\"").contains("id=\"action-REQUEST_REVIEW\"")
			.contains("La mia scheda di valutazione").doesNotContain("name=\"level-DIFF\"")
			.doesNotContain("id=\"action-FINALISE\"");
		forms.html(forms.scheda("ziletti"), vairano, 403);

		MockHttpServletResponse noReason = forms.move("vairano", vairano, "REQUEST_REVIEW", " ");
		assertThat(noReason.getStatus()).isEqualTo(422);
		assertThat(noReason.getContentAsString(StandardCharsets.UTF_8)).contains("href=\"#transition-reason\"")
			.contains("id=\"transition-reason-error\"").contains("La motivazione è obbligatoria.");
		assertThat(forms.move("vairano", vairano, "ACKNOWLEDGE", null).getStatus()).isEqualTo(302);
		assertThat(forms.html(forms.scheda("vairano"), vairano, 200)).contains("Presa visione registrata")
			.doesNotContain("id=\"action-ACKNOWLEDGE\"").contains("id=\"action-REQUEST_REVIEW\"");
		assertThat(forms.move("vairano", vairano, "REQUEST_REVIEW", "Il comportamento RIS-UM è sottostimato")
			.getStatus()).isEqualTo(302);
		String reviewing = forms.html(forms.scheda("vairano"), evaluator, 200);
		assertThat(reviewing).contains("Riesame richiesto").contains("Il comportamento RIS-UM è sottostimato")
			.contains("id=\"action-REVIEW\"").contains("name=\"level-DIFF\"");
		// the evaluator cannot do the manager's step: refused as a page
		assertThat(forms.move("vairano", evaluator, "ACKNOWLEDGE", null).getStatus()).isEqualTo(403);
	}

	@Test
	void hrThePlannerAndTheOivReadThePayTableWithItsCheckAndDownloadsTheOthersAreRefused() throws Exception {
		MockHttpSession hr = SignIn.as(mvc, "personale");
		String pay = forms.html("/dashboard/plans/" + PLAN + "/pay", hr, 200);
		assertThat(pay).contains("Retribuzione di risultato").contains("id=\"nav-pay\"")
			.contains("15.205,00 €").contains("Regola di differenziazione")
			.containsPattern("id=\"fund-[^\"]+-check\"").contains("resti maggiori")
			.contains("href=\"/dashboard/plans/" + PLAN + "/pay.csv\"")
			.contains("href=\"/dashboard/plans/" + PLAN + "/transparency\"");
		assertThat(forms.html("/dashboard/plans/" + PLAN + "/pay", SignIn.as(mvc, "pianificatore"), 200))
			.contains("15.205,00 €");
		assertThat(forms.html("/dashboard/plans/" + PLAN + "/pay", SignIn.as(mvc, "oiv"), 200)).contains("15.205,00 €");
		MockHttpServletResponse csv = forms.page("/dashboard/plans/" + PLAN + "/pay.csv", hr);
		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(forms.html("/dashboard/plans/" + PLAN + "/transparency", hr, 200)).contains("Ammontare");
		assertThat(forms.page("/dashboard/plans/" + PLAN + "/transparency/amounts.csv", hr).getStatus())
			.isEqualTo(200);
		// HR reads the FINAL schede only
		String list = forms.html(forms.schede(), hr, 200);
		assertThat(list).contains("href=\"" + forms.scheda("ziletti") + "\"").doesNotContain("id=\"create-dazzeo\"");
		assertThat(forms.html(forms.scheda("ziletti"), hr, 200)).contains("Definitiva")
			.doesNotContain("id=\"steps\"");

		forms.html("/dashboard/plans/" + PLAN + "/pay", evaluator, 403);
		forms.html("/dashboard/plans/" + PLAN + "/pay", SignIn.as(mvc, "dirigente"), 403);
		forms.html("/dashboard/plans/" + PLAN + "/pay.csv", SignIn.as(mvc, "lettore"), 403);
		forms.html(forms.schede(), SignIn.as(mvc, "lettore"), 403);
		forms.html(forms.schede(), SignIn.as(mvc, "ufficio"), 403);
		forms.html(forms.schede(), SignIn.as(mvc, "altro-ente"), 404);
		MockHttpSession planner = SignIn.as(mvc, "pianificatore");
		assertThat(forms.html(forms.schede(), planner, 200)).doesNotContain("id=\"create-");
		assertThat(forms.submit(forms.scheda("ziletti") + "/ratings", planner, "revision", "0", "level-DIFF", "5")
			.getStatus()).isEqualTo(403);
		assertThat(forms.submit(forms.schede(), planner, "manager", "dazzeo").getStatus()).isEqualTo(403);
	}

	@Test
	void theEvaluatorLandsOnTheSchedeAndThePagesSpeakEnglish() throws Exception {
		MockHttpServletResponse landing = forms.page("/dashboard", evaluator);
		assertThat(landing.getStatus()).isEqualTo(302);
		assertThat(landing.getRedirectedUrl()).endsWith("/schede");
		String english = forms.html(forms.scheda("ziletti") + "?lang=en", evaluator, 200);
		assertThat(english).contains("Evaluation form of").contains("Organisational parts").contains("Final")
			.doesNotContain("evaluation.").doesNotContain("??");
	}
}
