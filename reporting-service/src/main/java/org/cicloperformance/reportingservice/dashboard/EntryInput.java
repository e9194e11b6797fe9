package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cicloperformance.reportingservice.dashboard.EntryPages.Field;
import org.cicloperformance.reportingservice.engine.IndicatorDefinition;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.MilestoneDefinition;

/**
 * The value fields of one measure kind, and what the clerk typed in them read into the engine's
 * {@link IndicatorResult} and into the monitoring API's {@code value}. Formats are checked here (Italian numbers
 * and dates, {@link ItalianInput}); every rule of the result itself (required values, bounds, the checkpoint gate)
 * is monitoring's, whose refusals come back to the same fields.
 */
final class EntryInput {

	/** The parsed value: for the preview, for the request, and the fields with any format refusal. */
	record Read(IndicatorResult result, Map<String, Object> value, List<Field> fields, boolean complete) {
	}

	private EntryInput() {
	}

	/** The field id of a component or milestone code: only characters an HTML id and a CSS selector take. */
	static String id(String prefix, String code) {
		return prefix + "-" + code.replaceAll("[^A-Za-z0-9_-]", "_");
	}

	/**
	 * The kind's fields with their values: {@code typed} (parameter name → text), {@code label} resolves a message
	 * key with arguments, {@code refuse} a refusal's key.
	 */
	static Read read(IndicatorDefinition indicator, Map<String, String> typed, Labels labels) {
		List<Field> fields = new ArrayList<>();
		Map<String, Object> value = new LinkedHashMap<>();
		BigDecimal number = null;
		Boolean yes = null;
		BigDecimal assessment = null;
		List<IndicatorResult.Delivery> delivered = new ArrayList<>();
		Map<String, BigDecimal> components = new LinkedHashMap<>();
		boolean complete = true;
		switch (indicator.kind()) {
			case COUNT, AMOUNT, PERCENTAGE -> {
				Field field = numberField("number", labels.text("entry.field.number." + indicator.kind()),
						labels.text("entry.hint.number"), typed);
				number = parse(field, fields, labels, ItalianInput::number);
				complete = number != null;
				value.put("number", number);
			}
			case BOOLEAN -> {
				String answer = typed.getOrDefault("yes", "");
				fields.add(new Field("yes", labels.text("entry.field.yes"), null, answer, null, "yesno"));
				yes = answer.equals("true") ? Boolean.TRUE : answer.equals("false") ? Boolean.FALSE : null;
				complete = yes != null;
				value.put("yes", yes);
			}
			case QUALITATIVE -> {
				Field field = numberField("assessment", labels.text("entry.field.assessment"),
						labels.text("entry.hint.assessment"), typed);
				assessment = parse(field, fields, labels, ItalianInput::number);
				String justification = typed.getOrDefault("justification", "");
				fields.add(new Field("justification", labels.text("entry.field.justification"),
						labels.text("entry.hint.justification"), justification, null, "textarea"));
				complete = assessment != null;
				value.put("assessment", assessment);
				value.put("justification", justification.isBlank() ? null : justification);
			}
			case MILESTONE -> {
				List<Map<String, String>> sent = new ArrayList<>();
				for (MilestoneDefinition milestone : indicator.milestones()) {
					String id = id("milestone", milestone.code());
					Field field = new Field(id, labels.text("entry.field.milestone", milestone.code()),
							labels.text("entry.hint.milestone", labels.date(milestone.due())),
							typed.getOrDefault(id, ""), null, "date");
					LocalDate date = parse(field, fields, labels, ItalianInput::date);
					if (date != null) {
						delivered.add(new IndicatorResult.Delivery(milestone.code(), date));
						sent.add(Map.of("milestone", milestone.code(), "date", date.toString()));
					}
				}
				value.put("delivered", sent);
			}
			case COMPOUND -> {
				Map<String, BigDecimal> sent = new LinkedHashMap<>();
				indicator.components().forEach(component -> {
					Field field = numberField(id("component", component.code()),
							labels.text("entry.field.component", component.code()), labels.text("entry.hint.number"),
							typed);
					BigDecimal part = parse(field, fields, labels, ItalianInput::number);
					if (part != null) {
						components.put(component.code(), part);
						sent.put(component.code(), part);
					}
				});
				complete = !components.isEmpty();
				value.put("components", sent);
			}
		}
		IndicatorResult result = new IndicatorResult(1, null, number, yes, delivered, assessment, components, null);
		return new Read(result, value, fields, complete && fields.stream().noneMatch(Field::invalid));
	}

	/** Message look-ups in the reader's language. */
	interface Labels {

		String text(String key, Object... arguments);

		String date(LocalDate date);
	}

	/** The field a pointer of monitoring's refusals names (null: none of the value fields). */
	static String fieldOf(String pointer, Map<String, Object> value) {
		if (pointer == null) {
			return null;
		}
		String[] steps = pointer.split("/");
		if (steps.length < 2) {
			return null;
		}
		String first = steps[1];
		if (!first.equals("value")) {
			return switch (first) {
				case "commentary", "reason", "deviationCause", "file", "evidence" -> first;
				case "description" -> "fileDescription";
				default -> null;
			};
		}
		String second = steps.length > 2 ? steps[2] : "";
		return switch (second) {
			case "number", "yes", "assessment", "justification" -> second;
			case "components" -> steps.length > 3 ? id("component", unescape(steps[3])) : null;
			case "delivered" -> milestoneAt(steps, value);
			default -> null;
		};
	}

	@SuppressWarnings("unchecked")
	private static String milestoneAt(String[] steps, Map<String, Object> value) {
		if (steps.length < 4 || !(value.get("delivered") instanceof List<?> sent)) {
			return null;
		}
		try {
			int index = Integer.parseInt(steps[3]);
			return index < sent.size() ? id("milestone", ((Map<String, String>) sent.get(index)).get("milestone"))
					: null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static String unescape(String step) {
		return step.replace("~1", "/").replace("~0", "~");
	}

	private static Field numberField(String id, String label, String hint, Map<String, String> typed) {
		return new Field(id, label, hint, typed.getOrDefault(id, ""), null, "number");
	}

	private static <T> T parse(Field field, List<Field> fields, Labels labels, Function<String, T> parser) {
		try {
			T parsed = parser.apply(field.value());
			fields.add(field);
			return parsed;
		}
		catch (ItalianInput.Refused refused) {
			fields.add(field.withError(labels.text(refused.key())));
			return null;
		}
	}
}
