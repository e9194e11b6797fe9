package org.cicloperformance.reportingservice.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo data set of plan-service (the 2018 plan of the Camera di Commercio di Brescia and its results at 30/6),
 * read from the sibling module at test time and shaped as the events the producers publish.
 */
public final class Seed {

	public static final Path DEMO = Path.of("..", "plan-service", "src", "main", "resources", "demo");

	public static final Path PLAN_CONTRACTS = Path.of("..", "plan-service", "src", "main", "resources", "contract");

	public static final Path RESULT_CONTRACTS = Path.of("..", "monitoring-service", "src", "main", "resources",
			"contract");

	public static final String PLAN_ID = "cciaa-brescia-2018";

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private Seed() {
	}

	public static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
		}
	}

	public static JsonNode plan() {
		return JSON.readTree(read(DEMO.resolve("piano-2018.json")));
	}

	/** A PlanPublished event (version 1) carrying the demo plan, shaped like the producer's golden sample. */
	public static String planPublished(String planId) {
		return planEvent("PlanPublished", planId, 1, List.of("2018-06-30", "2018-12-31"), plan());
	}

	public static String planEvent(String type, String planId, int version, List<String> appliesTo, JsonNode plan) {
		ObjectNode event = JSON.createObjectNode();
		event.put("type", type);
		event.put("eventId", UUID.randomUUID().toString());
		event.put("planId", planId);
		event.put("entity", plan.path("entity").asString());
		event.put("year", plan.path("year").asInt());
		event.put("version", version);
		appliesTo.forEach(event.putArray("appliesTo")::add);
		event.put("occurredAt", "2018-01-31T09:00:00Z");
		event.put("causedBy", "pianificazione");
		event.set("plan", plan);
		event.putNull("revision");
		return JSON.writeValueAsString(event);
	}

	/**
	 * The demo revision ({@code revisione-2018.json}) applied to the demo plan, as the PlanRevised event of version
	 * 2 that plan-service publishes: the complete new snapshot and the revision that produced it.
	 */
	public static String planRevised(String planId) {
		JsonNode revision = JSON.readTree(read(DEMO.resolve("revisione-2018.json")));
		ObjectNode plan = (ObjectNode) plan();
		for (JsonNode change : revision.path("changes")) {
			ObjectNode objective = objective(plan, change.path("objective").asString());
			switch (change.path("type").asString()) {
				case "TARGET_CHANGED" -> {
					ObjectNode indicator = indicator(objective, change.path("indicator").asString());
					ArrayNode targets = (ArrayNode) indicator.path("targets");
					String checkpoint = change.path("target").path("checkpoint").asString();
					for (int i = targets.size() - 1; i >= 0; i--) {
						if (checkpoint.equals(targets.get(i).path("checkpoint").asString())) {
							targets.remove(i);
						}
					}
					targets.add(change.path("target"));
				}
				case "INDICATOR_WEIGHT_CHANGED" -> indicator(objective, change.path("indicator").asString())
						.set("weight", change.path("weight"));
				case "INDICATOR_ADDED" -> ((ArrayNode) objective.path("indicators"))
						.add(change.path("indicatorDefinition"));
				default -> throw new IllegalStateException("change not applied by the test seed: " + change);
			}
		}
		List<String> appliesTo = new ArrayList<>();
		revision.path("appliesTo").forEach(c -> appliesTo.add(c.asString()));
		ObjectNode event = (ObjectNode) JSON.readTree(planEvent("PlanRevised", planId, 2, appliesTo, plan));
		event.put("occurredAt", revision.path("act").path("date").asString() + "T10:00:00Z");
		event.set("revision", revision);
		return JSON.writeValueAsString(event);
	}

	private static ObjectNode objective(JsonNode plan, String code) {
		for (JsonNode area : plan.path("strategicAreas")) {
			for (JsonNode strategic : area.path("strategicObjectives")) {
				for (JsonNode objective : strategic.path("operationalObjectives")) {
					if (code.equals(objective.path("code").asString())) {
						return (ObjectNode) objective;
					}
				}
			}
		}
		throw new IllegalArgumentException("no objective " + code);
	}

	private static ObjectNode indicator(ObjectNode objective, String code) {
		for (JsonNode indicator : objective.path("indicators")) {
			if (code.equals(indicator.path("code").asString())) {
				return (ObjectNode) indicator;
			}
		}
		throw new IllegalArgumentException("no indicator " + code + " in " + objective.path("code").asString());
	}

	/**
	 * One ResultRecorded event per result of the demo file at 30/6, version 1, with the file's commentary,
	 * evidence and reporting office.
	 */
	public static List<String> juneResults(String planId) {
		JsonNode results = JSON.readTree(read(DEMO.resolve("risultati-2018-06-30.json"))).path("results");
		List<String> events = new ArrayList<>();
		for (JsonNode result : results) {
			ObjectNode event = (ObjectNode) JSON.readTree(resultRecorded(planId, result.path("objective").asString(),
					result.path("indicator").asString(), result.path("checkpoint").asString(), 1,
					result.path("value")));
			event.put("commentary", result.path("commentary").asString(""));
			event.set("evidence", result.path("evidence").isArray() ? result.path("evidence") : JSON.createArrayNode());
			event.put("reportedBy", result.path("reportedBy").asString("ufficio"));
			events.add(JSON.writeValueAsString(event));
		}
		return events;
	}

	public static String resultRecorded(String planId, String objective, String indicator, String checkpoint,
			int resultVersion, JsonNode value) {
		ObjectNode event = JSON.createObjectNode();
		event.put("type", "ResultRecorded");
		event.put("eventId", UUID.randomUUID().toString());
		event.put("planId", planId);
		event.put("planVersion", 1);
		event.put("entity", "cciaa-brescia");
		event.put("objective", objective);
		event.put("indicator", indicator);
		event.put("checkpoint", checkpoint);
		event.put("resultVersion", resultVersion);
		event.set("value", value);
		event.putNull("deviation");
		event.put("commentary", "");
		event.putArray("evidence");
		event.put("reportedBy", "ufficio");
		event.putNull("reason");
		event.put("recordedAt", "2018-07-10T08:00:00Z");
		return JSON.writeValueAsString(event);
	}

	public static JsonNode numberValue(String number) {
		ObjectNode value = JSON.createObjectNode();
		value.put("number", new java.math.BigDecimal(number));
		value.put("text", number);
		return value;
	}
}
