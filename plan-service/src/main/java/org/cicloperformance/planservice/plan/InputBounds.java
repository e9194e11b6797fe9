package org.cicloperformance.planservice.plan;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bounds every input of plan-service must respect, checked before any arithmetic and before anything is stored:
 * a number such as {@code 1e1000000} is cheap to hold as a {@link BigDecimal} but not to add, subtract or print, so
 * it is refused here from its precision and scale alone, without being expanded.
 * <p>
 * It walks any request record (plans, revisions, proposals, acts) by its components, which are also the JSON
 * property names, so each violation carries the JSON pointer of the offending field. Which rule a text follows is
 * decided by its field name: codes and names are strict (no control character at all), long texts admit tab, line
 * feed and carriage return only.
 */
public final class InputBounds {

	/** No public body's figure reaches a thousand billion (euro or count). */
	public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e12");

	public static final int MAX_SCALE = 6;

	public static final BigDecimal MAX_WEIGHT = new BigDecimal("100");

	public static final int MAX_CODE_LENGTH = 100;

	public static final int MAX_NAME_LENGTH = 500;

	/** The 2018 plan's longest description has 4,207 characters. */
	public static final int MAX_LONG_TEXT_LENGTH = 10_000;

	public static final int MAX_LIST_SIZE = 500;

	/** The 2018 plan has 11 operational objectives and 37 indicators; a large ministry a few hundred. */
	public static final int MAX_OPERATIONAL_OBJECTIVES = 500;

	public static final int MAX_INDICATORS = 2_000;

	private static final Set<String> WEIGHTS = Set.of("weight", "contributionWeight");

	private static final Set<String> LONG_TEXTS = Set.of("description", "expectedBenefit", "reason", "text",
			"baselineText", "purpose", "basis", "forecastAtCheckpoint", "achieved", "forecastAtYearEnd",
			"decisionReason", "descriptor");

	private static final Set<String> CODES = Set.of("code", "id", "entity", "checkpoint", "manager",
			"organisationalArea", "objective", "indicator", "account", "budgetCode", "number", "proposal", "appliesTo",
			"milestones", "components");

	/** The JSON name and accessor of each component, looked up once per record type (reflection is slow). */
	private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
		@Override
		protected List<Field> computeValue(Class<?> type) {
			return Arrays.stream(type.getRecordComponents()).map(Field::of).toList();
		}
	};

	private InputBounds() {
	}

	/** @return every bound {@code input} breaks, each with the pointer of its field; empty when it is within bounds */
	public static List<Violation> check(Object input) {
		var walk = new Walk();
		walk.value("", "", input);
		walk.totals();
		return walk.out;
	}

	/** Throws {@link InvalidPlanException} (422) when {@code input} breaks any bound. */
	public static void require(Object input) {
		var violations = check(input);
		if (!violations.isEmpty()) {
			throw new InvalidPlanException(violations);
		}
	}

	private record Field(String name, Method accessor) {

		static Field of(RecordComponent component) {
			var accessor = component.getAccessor();
			accessor.setAccessible(true); // request records are package-private in their web packages
			var annotation = accessor.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
			var name = annotation != null && !annotation.value().isEmpty() ? annotation.value() : component.getName();
			return new Field(name, accessor);
		}

		Object read(Object record) {
			try {
				return accessor.invoke(record);
			}
			catch (IllegalAccessException | InvocationTargetException e) {
				throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
			}
		}
	}

	private static final class Walk {

		private final List<Violation> out = new ArrayList<>();

		private int operationalObjectives;

		private int indicators;

		void value(String pointer, String field, Object value) {
			if (value == null) {
				return;
			}
			if (value instanceof BigDecimal number) {
				number(pointer, field, number);
			}
			else if (value instanceof String text) {
				text(pointer, field, text);
			}
			else if (value instanceof Collection<?> list) {
				list(pointer, field, list);
			}
			else if (value instanceof Map<?, ?> map) {
				map(pointer, field, map);
			}
			else if (value.getClass().isRecord()) {
				record(pointer, value);
			}
			// enums, dates, booleans and integers are bounded by their type (and the validator's rules)
		}

		private void record(String pointer, Object record) {
			for (var field : FIELDS.get(record.getClass())) {
				value(pointer + "/" + field.name(), field.name(), field.read(record));
			}
		}

		private void list(String pointer, String field, Collection<?> list) {
			if (list.size() > MAX_LIST_SIZE) {
				out.add(Violation.of(pointer, "list.tooLong", MAX_LIST_SIZE));
				return;
			}
			if ("operationalObjectives".equals(field)) {
				operationalObjectives += list.size();
			}
			else if ("indicators".equals(field)) {
				indicators += list.size();
			}
			int index = 0;
			for (var item : list) {
				value(pointer + "/" + index++, field, item);
			}
		}

		private void map(String pointer, String field, Map<?, ?> map) {
			if (map.size() > MAX_LIST_SIZE) {
				out.add(Violation.of(pointer, "list.tooLong", MAX_LIST_SIZE));
				return;
			}
			for (var entry : map.entrySet()) {
				var key = String.valueOf(entry.getKey());
				var entryPointer = pointer + "/" + escape(key);
				text(entryPointer, "code", key);
				value(entryPointer, field, entry.getValue());
			}
		}

		private void number(String pointer, String field, BigDecimal number) {
			// precision - scale is the number of digits before the point: no arithmetic on the value itself
			if (number.signum() != 0 && (long) number.precision() - number.scale() > 13
					|| number.abs().compareTo(MAX_MAGNITUDE) > 0) {
				out.add(Violation.of(pointer, "number.tooLarge", MAX_MAGNITUDE.toPlainString()));
			}
			else if (number.scale() > MAX_SCALE && number.stripTrailingZeros().scale() > MAX_SCALE) {
				out.add(Violation.of(pointer, "number.scale", MAX_SCALE));
			}
			else if (WEIGHTS.contains(field) && (number.signum() < 0 || number.compareTo(MAX_WEIGHT) > 0)) {
				out.add(Violation.of(pointer, "weight.range"));
			}
		}

		private void text(String pointer, String field, String text) {
			boolean longText = LONG_TEXTS.contains(field);
			int max = longText ? MAX_LONG_TEXT_LENGTH : CODES.contains(field) ? MAX_CODE_LENGTH : MAX_NAME_LENGTH;
			if (text.length() > max) {
				out.add(Violation.of(pointer, "text.tooLong", max));
				return;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				boolean allowedWhitespace = longText && (c == '\t' || c == '\n' || c == '\r');
				if ((c < 0x20 || c == 0x7F) && !allowedWhitespace) {
					out.add(Violation.of(pointer, "text.control", String.format("U+%04X", (int) c), i + 1));
					return;
				}
			}
		}

		void totals() {
			if (operationalObjectives > MAX_OPERATIONAL_OBJECTIVES) {
				out.add(Violation.of("", "plan.tooManyObjectives", operationalObjectives, MAX_OPERATIONAL_OBJECTIVES));
			}
			if (indicators > MAX_INDICATORS) {
				out.add(Violation.of("", "plan.tooManyIndicators", indicators, MAX_INDICATORS));
			}
		}

		/** RFC 6901: a map key is one reference token. */
		private static String escape(String key) {
			return key.replace("~", "~0").replace("/", "~1");
		}
	}
}
