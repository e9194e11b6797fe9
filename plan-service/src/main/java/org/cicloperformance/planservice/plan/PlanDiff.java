package org.cicloperformance.planservice.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The difference between two plan versions, as a list of leaf changes. Arrays of things that have a code, an id
 * or a checkpoint are matched by that key, so a path reads as the plan does:
 * {@code /strategicAreas/2/strategicObjectives/2.2/operationalObjectives/2.2.1/indicators/1/weight}.
 */
public final class PlanDiff {

	private static final List<String> KEYS = List.of("code", "id", "checkpoint");

	public enum Op {
		ADDED, REMOVED, CHANGED
	}

	public record Difference(String path, Op op, JsonNode before, JsonNode after) {
	}

	private final JsonMapper mapper;

	public PlanDiff(JsonMapper mapper) {
		this.mapper = mapper;
	}

	public List<Difference> between(PlanContent from, PlanContent to) {
		var out = new ArrayList<Difference>();
		compare("", mapper.valueToTree(from), mapper.valueToTree(to), out);
		return out;
	}

	/** The same comparison between any two documents (e.g. two SMVP versions), read as JSON. */
	public List<Difference> betweenDocuments(Object from, Object to) {
		var out = new ArrayList<Difference>();
		compare("", mapper.valueToTree(from), mapper.valueToTree(to), out);
		return out;
	}

	private void compare(String path, JsonNode before, JsonNode after, List<Difference> out) {
		if (isAbsent(before) && isAbsent(after)) {
			return;
		}
		if (isAbsent(before)) {
			out.add(new Difference(path, Op.ADDED, null, after));
		}
		else if (isAbsent(after)) {
			out.add(new Difference(path, Op.REMOVED, before, null));
		}
		else if (before.isObject() && after.isObject()) {
			var names = new LinkedHashSet<String>();
			before.propertyNames().forEach(names::add);
			after.propertyNames().forEach(names::add);
			for (var name : names) {
				compare(path + "/" + escape(name), before.get(name), after.get(name), out);
			}
		}
		else if (before.isArray() && after.isArray() && keyOf(before, after).isPresent()) {
			compareKeyed(path, before, after, keyOf(before, after).get(), out);
		}
		else if (before.isNumber() && after.isNumber()) {
			if (before.decimalValue().compareTo(after.decimalValue()) != 0) {
				out.add(new Difference(path, Op.CHANGED, before, after));
			}
		}
		else if (!before.equals(after)) {
			out.add(new Difference(path, Op.CHANGED, before, after));
		}
	}

	private void compareKeyed(String path, JsonNode before, JsonNode after, String key, List<Difference> out) {
		Map<String, JsonNode> left = index(before, key);
		Map<String, JsonNode> right = index(after, key);
		var keys = new LinkedHashSet<>(left.keySet());
		keys.addAll(right.keySet());
		for (var k : keys) {
			compare(path + "/" + escape(k), left.get(k), right.get(k), out);
		}
	}

	private static Map<String, JsonNode> index(JsonNode array, String key) {
		var map = new LinkedHashMap<String, JsonNode>();
		array.values().forEach(element -> map.put(element.get(key).asString(), element));
		return map;
	}

	private static Optional<String> keyOf(JsonNode before, JsonNode after) {
		return KEYS.stream().filter(key -> allHave(before, key) && allHave(after, key)).findFirst();
	}

	private static boolean allHave(JsonNode array, String key) {
		if (array.isEmpty()) {
			return true;
		}
		for (var element : array.values()) {
			if (!element.isObject() || !element.hasNonNull(key)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAbsent(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode();
	}

	/** RFC 6901 escaping, so that a path is a valid JSON pointer even for keys with '/' or '~'. */
	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}
}
