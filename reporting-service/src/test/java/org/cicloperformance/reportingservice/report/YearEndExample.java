package org.cicloperformance.reportingservice.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cicloperformance.reportingservice.support.Seed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's year-end example ("esempio, non dal documento", deploy/local) as monitoring-service publishes it:
 * one ResultRecorded per indicator of plan version 2 at 31/12, with the office's commentary and cause, and the
 * deviation computed here from version 2's targets as monitoring computes it (result − target, per component, the
 * milestones missed; none for yes/no and qualitative indicators).
 */
public final class YearEndExample {

	public static final String DECEMBER = "2018-12-31";

	static final Path FILE = Path.of("..", "deploy", "local", "src", "main", "resources", "esempio",
			"risultati-2018-12-31.json");

	private YearEndExample() {
	}

	public static List<JsonNode> results() {
		List<JsonNode> results = new ArrayList<>();
		Seed.JSON.readTree(Seed.read(FILE)).path("results").forEach(results::add);
		return results;
	}

	/** The indicators of version 2, keyed "objective/indicator". */
	static Map<String, JsonNode> indicators(JsonNode plan) {
		Map<String, JsonNode> indicators = new HashMap<>();
		plan.path("strategicAreas").forEach(a -> a.path("strategicObjectives").forEach(s -> s
				.path("operationalObjectives").forEach(o -> o.path("indicators").forEach(i -> indicators
						.put(o.path("code").asString() + "/" + i.path("code").asString(), i)))));
		return indicators;
	}

	public static List<String> events(String planId) {
		JsonNode revised = Seed.JSON.readTree(Seed.planRevised(planId)).path("plan");
		Map<String, JsonNode> indicators = indicators(revised);
		List<String> events = new ArrayList<>();
		for (JsonNode result : results()) {
			String objective = result.path("objective").asString();
			String indicator = result.path("indicator").asString();
			ObjectNode event = (ObjectNode) Seed.JSON.readTree(Seed.resultRecorded(planId, objective, indicator,
					DECEMBER, 1, result.path("value")));
			event.put("eventId", UUID.randomUUID().toString());
			event.put("planVersion", 2);
			event.put("commentary", result.path("commentary").asString());
			event.set("evidence", result.path("evidence"));
			event.put("reportedBy", result.path("reportedBy").asString());
			event.put("recordedAt", "2019-01-20T09:00:00Z");
			if (!result.path("deviationCause").isNull()) {
				event.put("deviationCause", result.path("deviationCause").asString());
			}
			event.set("deviation", deviation(indicators.get(objective + "/" + indicator), result.path("value")));
			events.add(Seed.JSON.writeValueAsString(event));
		}
		return events;
	}

	static JsonNode deviation(JsonNode indicator, JsonNode value) {
		JsonNode target = null;
		for (JsonNode t : indicator.path("targets")) {
			if (DECEMBER.equals(t.path("checkpoint").asString())) {
				target = t;
			}
		}
		String kind = indicator.path("measureKind").asString();
		ObjectNode deviation = Seed.JSON.createObjectNode();
		deviation.putNull("number");
		deviation.putNull("components");
		deviation.putNull("missedMilestones");
		deviation.put("notDue", false);
		switch (kind) {
			case "COUNT", "PERCENTAGE", "AMOUNT" -> {
				BigDecimal d = value.path("number").decimalValue().subtract(target.path("number").decimalValue());
				deviation.put("number", d);
				deviation.put("text", d.toPlainString());
			}
			case "COMPOUND" -> {
				ObjectNode components = deviation.putObject("components");
				target.path("components").properties().forEach(e -> components.put(e.getKey(),
						value.path("components").path(e.getKey()).decimalValue().subtract(e.getValue().decimalValue())));
				deviation.put("text", components.toString());
			}
			case "MILESTONE" -> {
				List<String> delivered = new ArrayList<>();
				value.path("delivered").forEach(d -> delivered.add(d.path("milestone").asString()));
				ArrayNode missed = deviation.putArray("missedMilestones");
				target.path("milestones").forEach(m -> {
					if (!delivered.contains(m.asString())) {
						missed.add(m.asString());
					}
				});
				deviation.put("text", missed.isEmpty() ? "-" : "Non consegnate: " + missed);
			}
			default -> {
				return Seed.JSON.nullNode();
			}
		}
		return deviation;
	}

	/** Closing 1 of 31/12: every example result validated, but 3.1.3/3, adjusted by the OIV to 60%. */
	public static String closed(String planId) {
		ObjectNode event = Seed.JSON.createObjectNode();
		event.put("type", "CheckpointClosed");
		event.put("eventId", UUID.randomUUID().toString());
		event.put("planId", planId);
		event.put("entity", "cciaa-brescia");
		event.put("checkpoint", DECEMBER);
		event.put("status", "CLOSED");
		event.put("occurredAt", "2019-03-15T10:00:00Z");
		event.put("causedBy", "oiv");
		event.put("closing", 1);
		ArrayNode verdicts = event.putArray("verdicts");
		for (JsonNode result : YearEndExample.results()) {
			boolean adjusted = result.path("objective").asString().equals("3.1.3")
					&& result.path("indicator").asString().equals("3");
			ObjectNode verdict = verdicts.addObject();
			verdict.put("objective", result.path("objective").asString());
			verdict.put("indicator", result.path("indicator").asString());
			verdict.put("resultVersion", 1);
			verdict.put("verdict", adjusted ? "ADJUSTED" : "VALIDATED");
			if (adjusted) {
				verdict.put("adjustedAchievement", new BigDecimal("0.6"));
				verdict.put("reason", "Rotazione solo parziale");
			}
			else {
				verdict.putNull("adjustedAchievement");
				verdict.putNull("reason");
			}
			verdict.put("by", "oiv");
			verdict.put("at", "2019-03-14T10:00:00Z");
		}
		return Seed.JSON.writeValueAsString(event);
	}
}
