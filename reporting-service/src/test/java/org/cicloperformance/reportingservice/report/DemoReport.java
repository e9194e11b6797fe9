package org.cicloperformance.reportingservice.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanMapper;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.PlanScorer;
import org.cicloperformance.reportingservice.engine.ResultKey;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.support.Seed;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo as the report reads it, without Spring: plan version 1 (with the signatories the plan may carry), the
 * 31 results at 30/6 with the deviations of the document ({@code scostamenti-2018-06-30.json}, the oracle of
 * monitoring's computation), version 2 of the mid-year revision, the scores the engine computes.
 */
final class DemoReport {

	static final String JUNE = "2018-06-30";

	private DemoReport() {
	}

	/** The demo plan with the optional {@code signatories} block of the document's last page. */
	static ObjectNode planWithSignatories() {
		ObjectNode plan = (ObjectNode) Seed.plan();
		ObjectNode signatories = plan.putObject("signatories");
		signatories.put("place", "Brescia");
		signatories.put("oiv", "Prof. Claudio Teodori");
		signatories.put("secretaryGeneral", "Dr Massimo Ziletti");
		signatories.put("president", "Dr Giuseppe Ambrosi");
		return plan;
	}

	/** The oracle's deviation of each indicator, keyed "objective/indicator". */
	static Map<String, JsonNode> deviations() {
		Map<String, JsonNode> deviations = new HashMap<>();
		for (JsonNode deviation : Seed.JSON.readTree(Seed.read(Seed.DEMO.resolve("scostamenti-2018-06-30.json")))) {
			deviations.put(deviation.path("objective").asString() + "/" + deviation.path("indicator").asString(),
					deviation);
		}
		return deviations;
	}

	static List<JsonNode> results() {
		List<JsonNode> results = new ArrayList<>();
		Seed.JSON.readTree(Seed.read(Seed.DEMO.resolve("risultati-2018-06-30.json"))).path("results")
				.forEach(results::add);
		return results;
	}

	/** The deviation a result event carries: the oracle's figures and wording, as monitoring sends them. */
	static ObjectNode deviationOf(JsonNode oracle) {
		ObjectNode deviation = Seed.JSON.createObjectNode();
		deviation.set("number", oracle.path("number"));
		deviation.set("components", oracle.path("components"));
		deviation.set("missedMilestones", oracle.path("missedMilestones"));
		deviation.put("text", oracle.path("text").asString());
		return deviation;
	}

	static ReportBuilder.Inputs inputs(JsonNode plan, Optional<ReportCheckpointStatus.Closing> closing) {
		PlanEvent.Content v1 = Seed.JSON.treeToValue(plan, PlanEvent.Content.class);
		PlanEvent revised = Seed.JSON.readValue(Seed.planRevised(Seed.PLAN_ID), PlanEvent.class);
		Map<String, JsonNode> deviations = deviations();
		List<ResultFact> facts = new ArrayList<>();
		Map<ResultKey, IndicatorResult> scored = new HashMap<>();
		for (JsonNode result : results()) {
			String objective = result.path("objective").asString();
			String indicator = result.path("indicator").asString();
			ResultEvent.Value value = Seed.JSON.treeToValue(result.path("value"), ResultEvent.Value.class);
			ResultEvent.Deviation deviation = Seed.JSON.treeToValue(deviationOf(deviations.get(objective + "/" + indicator)),
					ResultEvent.Deviation.class);
			List<String> evidence = new ArrayList<>();
			result.path("evidence").forEach(e -> evidence.add(e.asString()));
			ResultFact fact = new ResultFact(ResultFact.key(Seed.PLAN_ID, objective, indicator, JUNE), Seed.PLAN_ID,
					objective, indicator, JUNE, 1, 1, "e", Instant.parse("2018-07-10T08:00:00Z"), Instant.now(),
					result.path("reportedBy").asString(), null, value, deviation, result.path("commentary").asString(),
					evidence);
			facts.add(fact);
			scored.put(new ResultKey(objective, indicator), fact.toIndicatorResult());
		}
		ScoringPlan scoringPlan = PlanMapper.toScoringPlan(Seed.PLAN_ID, 1, v1);
		Scorecard card = new PlanScorer(scoringPlan).score(scoringPlan.checkpoint(JUNE).orElseThrow(), scored);
		ScoreDocument document = new ScoreDocument(ScoreDocument.id(Seed.PLAN_ID, JUNE), Seed.PLAN_ID, JUNE,
				LocalDate.parse(JUNE), false, "30/6", ScoreDocument.Status.PROVISIONAL, 1, Instant.now(), card);
		return new ReportBuilder.Inputs(Seed.PLAN_ID, document, v1,
				List.of(new ReportBuilder.LaterVersion(2, revised.plan(), revised.revision())), facts, closing);
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static MonitoringReport report(ReportBuilder.Inputs inputs) {
		ResourceBundleMessageSource messages = messages();
		return ReportBuilder.build(inputs, key -> messages.getMessage(key, null, key, Locale.ITALIAN), Locale.ITALIAN);
	}

	/** The renderer on a template engine configured as Spring Boot configures the dashboard's. */
	static ReportRenderer renderer() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages());
		return new ReportRenderer(engine);
	}

	static BigDecimal decimal(String value) {
		return new BigDecimal(value);
	}
}
