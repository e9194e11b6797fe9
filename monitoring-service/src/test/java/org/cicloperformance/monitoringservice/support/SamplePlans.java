package org.cicloperformance.monitoringservice.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.cicloperformance.monitoringservice.plan.PlanEvent;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/** The producer's golden samples and demo data, read from plan-service's folders at test time. */
public final class SamplePlans {

	public static final Path CONTRACT = Path.of("../plan-service/src/main/resources/contract");

	public static final Path DEMO = Path.of("../plan-service/src/main/resources/demo");

	private static final JsonMapper MAPPER = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private SamplePlans() {
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The PlanPublished golden sample (version 1) with another plan id. */
	public static String published(String planId) {
		return read(CONTRACT.resolve("plan-published.sample.json")).replace("cciaa-esempio-2018", planId);
	}

	/** The PlanRevised golden sample (version 2, appliesTo 2018-12-31) with another plan id. */
	public static String revised(String planId) {
		return read(CONTRACT.resolve("plan-revised.sample.json")).replace("cciaa-esempio-2018", planId);
	}

	/** The event with another entity (the tenant), in the event and in the plan content. */
	public static String ofEntity(String eventJson, String entity) {
		return eventJson.replace("\"cciaa-esempio\"", "\"" + entity + "\"");
	}

	/** The event with the organisational area of one operational objective changed. */
	public static String withArea(String eventJson, String objective, String area) {
		return withObjectiveField(eventJson, objective, "organisationalArea", area);
	}

	/** The event with the manager of one operational objective changed. */
	public static String withManager(String eventJson, String objective, String manager) {
		return withObjectiveField(eventJson, objective, "manager", manager);
	}

	private static String withObjectiveField(String eventJson, String objective, String field, String value) {
		ObjectNode event = (ObjectNode) MAPPER.readTree(eventJson);
		int changed = 0;
		for (JsonNode strategicArea : event.get("plan").get("strategicAreas")) {
			for (JsonNode strategic : strategicArea.get("strategicObjectives")) {
				for (JsonNode operational : strategic.get("operationalObjectives")) {
					if (objective.equals(operational.get("code").asString())) {
						((ObjectNode) operational).put(field, value);
						changed++;
					}
				}
			}
		}
		if (changed != 1) {
			throw new IllegalArgumentException("objective " + objective + " found " + changed + " times");
		}
		return MAPPER.writeValueAsString(event);
	}

	public static PlanVersion version(String eventJson) {
		PlanEvent event = MAPPER.readValue(eventJson, PlanEvent.class);
		return new PlanVersion(event.planId(), event.version(), event.entity(), event.year(), event.appliesTo(),
				event.type(), event.eventId(), event.occurredAt(), Instant.now(), event.plan());
	}
}
