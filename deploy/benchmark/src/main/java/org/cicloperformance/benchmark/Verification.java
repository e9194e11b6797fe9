package org.cicloperformance.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.cicloperformance.benchmark.PlanGenerator.PlanSpec;
import tools.jackson.databind.JsonNode;

/**
 * Correctness under load, once every phase has drained: every acknowledged result is in monitoring-service's store
 * as the latest version with the value last acknowledged, nothing else is there, reporting-service's scores were
 * computed with exactly those versions, every invalid result was refused, and monitoring's own counter of accepted
 * results matches. (The rebuild that follows adds the count of score documents that differ from a rebuild.)
 */
final class Verification {

	private final Api api;

	private final MongoClient mongo;

	private final Workload workload;

	private final List<PlanSpec> plans;

	Verification(Api api, MongoClient mongo, Workload workload, List<PlanSpec> plans) {
		this.api = api;
		this.mongo = mongo;
		this.workload = workload;
		this.plans = plans;
	}

	Map<String, Object> run(List<Map<String, Object>> phases) {
		Benchmark.log("Checking the stores against every acknowledged result");
		long acknowledged = phases.stream().mapToLong(p -> (long) p.get("accepted")).sum();
		long invalidPosted = phases.stream().mapToLong(p -> (long) p.get("invalidPosted")).sum();
		long invalidRefused = phases.stream().mapToLong(p -> (long) p.get("invalidRefused")).sum();
		long invalidAccepted = phases.stream().mapToLong(p -> (long) p.get("invalidAccepted")).sum();
		long notScored = phases.stream().mapToLong(p -> (long) p.get("notScoredAfterDrain")).sum();

		Map<String, JsonNode> stored = new HashMap<>();
		for (PlanSpec plan : plans) {
			for (JsonNode result : api.getJson(api.monitoring + "/api/results?planId=" + plan.planId(), Api.office(plan.planId()))) {
				stored.put(key(result.path("planId").asString(), result.path("objective").asString(),
						result.path("indicator").asString(), result.path("checkpoint").asString()), result);
			}
		}
		Map<String, Map<String, Integer>> scored = new HashMap<>();
		scored.putAll(ScoreDocuments.allVersions(mongo.getDatabase("reporting").getCollection("scores")));

		long expectedVersions = 0;
		long missingInMonitoring = 0;
		long wrongVersionInMonitoring = 0;
		long wrongValueInMonitoring = 0;
		long unexpectedInMonitoring = 0;
		long reportingMismatches = 0;
		for (Workload.Slot slot : workload.slots()) {
			int expected = workload.acceptedVersions(slot.id());
			expectedVersions += expected;
			JsonNode result = stored.remove(key(slot.plan().planId(), slot.indicator().objective(),
					slot.indicator().code(), slot.checkpoint()));
			if (expected > 0 && result == null) {
				missingInMonitoring++;
			}
			else if (expected == 0 && result != null) {
				unexpectedInMonitoring++;
			}
			else if (result != null) {
				if (result.path("version").asInt() != expected) {
					wrongVersionInMonitoring++;
				}
				else if (!result.path("value").path("text").asString().equals(workload.lastValueText(slot.id()))) {
					wrongValueInMonitoring++;
				}
			}
			Integer version = scored.getOrDefault(slot.scoreDocumentId(), Map.of()).get(slot.indicatorKey());
			if ((version == null ? 0 : version) != expected) {
				reportingMismatches++;
			}
		}
		unexpectedInMonitoring += stored.size();
		long counted = acceptedCounter();

		var out = new LinkedHashMap<String, Object>();
		out.put("acknowledgedResults", acknowledged);
		out.put("storedVersions", expectedVersions);
		out.put("missingInMonitoring", missingInMonitoring);
		out.put("wrongVersionInMonitoring", wrongVersionInMonitoring);
		out.put("wrongValueInMonitoring", wrongValueInMonitoring);
		out.put("unexpectedInMonitoring", unexpectedInMonitoring);
		out.put("monitoringAcceptedCounter", counted);
		out.put("notScoredAfterDrain", notScored);
		out.put("reportingVersionMismatches", reportingMismatches);
		out.put("invalidPosted", invalidPosted);
		out.put("invalidRefused", invalidRefused);
		out.put("invalidAccepted", invalidAccepted);
		Benchmark.log("  " + out);
		return out;
	}

	/** monitoring.results.accepted as Prometheus shows it: what monitoring itself counted as accepted. */
	private long acceptedCounter() {
		var response = api.get(api.monitoring + "/actuator/prometheus", null);
		double total = 0;
		for (String line : response.body().split("\n")) {
			if (line.startsWith("monitoring_results_accepted_total")) {
				total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return (long) total;
	}

	private static String key(String planId, String objective, String indicator, String checkpoint) {
		return planId + "|" + objective + "|" + indicator + "|" + checkpoint;
	}
}
