package org.cicloperformance.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic performance plans of a realistic shape, valid for plan-service's validator: 3 strategic areas, 12
 * strategic objectives, 50 operational objectives with 4–6 indicators each, 10 managers in 5 organisational areas,
 * two checkpoints (30/6 intermediate, 31/12 final). Measure kinds follow the 2018 seed's proportions (COUNT 14,
 * BOOLEAN 7, PERCENTAGE 6, QUALITATIVE 5, MILESTONE 3, COMPOUND 2 of 37); the seed has no AMOUNT indicator, so
 * AMOUNT gets a small share (2) so that every kind is exercised. Everything is drawn from a seeded random.
 */
final class PlanGenerator {

	static final int YEAR = 2030;

	static final String MID = YEAR + "-06-30";

	static final String FINAL = YEAR + "-12-31";

	static final List<String> CHECKPOINTS = List.of(MID, FINAL);

	private static final String[] KINDS = { "COUNT", "BOOLEAN", "PERCENTAGE", "QUALITATIVE", "MILESTONE", "COMPOUND",
			"AMOUNT" };

	private static final int[] KIND_WEIGHTS = { 14, 7, 6, 5, 3, 2, 2 };

	private static final String[] WORDS = { "servizi", "imprese", "digitalizzazione", "registro", "qualità",
			"tempi", "procedimenti", "controlli", "formazione", "trasparenza", "semplificazione", "sportello",
			"pratiche", "vigilanza", "mercato", "promozione", "territorio", "bilancio", "riscossione", "utenti" };

	/**
	 * The size of the generated plans ({@code bench.shape}): {@code default} is the shape above (~250 indicators);
	 * {@code seed} is shaped like the 2018 seed, 3 managers in 3 organisational areas, 6 strategic objectives,
	 * 11 operational objectives with 3–4 indicators (~38), for national-scale runs of thousands of small plans.
	 */
	record Shape(String name, int managers, int organisationalAreas, int[] strategicPerArea, int objectives,
			int minIndicators, int maxIndicators) {

		static final Shape DEFAULT = new Shape("default", 10, 5, new int[] { 4, 4, 4 }, 50, 4, 6);

		static final Shape SEED = new Shape("seed", 3, 3, new int[] { 2, 2, 2 }, 11, 3, 4);

		static Shape named(String name) {
			return switch (name) {
				case "default" -> DEFAULT;
				case "seed" -> SEED;
				default -> throw new IllegalArgumentException("bench.shape must be default or seed, not " + name);
			};
		}

		int strategicObjectives() {
			return java.util.Arrays.stream(strategicPerArea).sum();
		}

		int areaOf(int manager) {
			return (manager - 1) * organisationalAreas / managers + 1;
		}
	}

	private final JsonMapper json;

	private final Shape shape;

	PlanGenerator(JsonMapper json) {
		this(json, Shape.DEFAULT);
	}

	PlanGenerator(JsonMapper json, Shape shape) {
		this.json = json;
		this.shape = shape;
	}

	/** What the workload needs to know of an indicator to report a result for it. */
	record IndicatorSpec(String objective, String code, String kind, String direction, BigDecimal scale,
			List<String> milestones, List<String> components) {
	}

	/** A generated plan: the import body's {@code plan} and its indicators in plan order. */
	record PlanSpec(String planId, ObjectNode content, List<IndicatorSpec> indicators) {
	}

	PlanSpec generate(int index, long seed) {
		var random = new Random(seed * 1_000_003L + index);
		String entity = "bench-ente-" + String.format("%04d", index);
		var plan = json.createObjectNode();
		plan.put("entity", entity);
		plan.put("entityName", "Ente di prova " + index);
		plan.put("year", YEAR);
		plan.put("title", "Piano della performance " + YEAR + " (benchmark)");
		plan.put("entityValue", 100);
		var checkpoints = plan.putArray("checkpoints");
		checkpoint(checkpoints, MID, "30/6", false);
		checkpoint(checkpoints, FINAL, "31/12", true);
		var areas = plan.putArray("organisationalAreas");
		for (int a = 1; a <= shape.organisationalAreas(); a++) {
			var area = areas.addObject();
			area.put("code", "UO" + a);
			area.put("name", "Area organizzativa " + a);
		}
		var managers = plan.putArray("managers");
		for (int m = 1; m <= shape.managers(); m++) {
			var manager = managers.addObject();
			manager.put("id", "dirigente" + m);
			manager.put("name", "dr Dirigente " + m);
			manager.put("role", "Dirigente dell'area " + shape.areaOf(m));
			manager.put("organisationalArea", "UO" + shape.areaOf(m));
		}

		// the operational objectives over the strategic ones (as many each, the rest spread at random); by
		// default 50 over 12: 3 each, 14 more
		int strategicCount = shape.strategicObjectives();
		int[] perStrategic = new int[strategicCount];
		int each = shape == Shape.DEFAULT ? 3 : shape.objectives() / strategicCount;
		java.util.Arrays.fill(perStrategic, each);
		for (int i = 0; i < shape.objectives() - each * strategicCount; i++) {
			perStrategic[random.nextInt(strategicCount)]++;
		}
		// the objectives go to the managers in turn, in a shuffled order
		List<Integer> managerOf = new ArrayList<>();
		for (int i = 0; i < shape.objectives(); i++) {
			managerOf.add(i % shape.managers() + 1);
		}
		Collections.shuffle(managerOf, random);
		int[][] managerWeights = new int[shape.managers() + 1][];
		for (int m = 1; m <= shape.managers(); m++) {
			int owned = java.util.Collections.frequency(managerOf, m);
			managerWeights[m] = partition(100, owned, Math.min(5, 100 / Math.max(1, owned)), random);
		}
		int[] managerUsed = new int[shape.managers() + 1];

		var indicators = new ArrayList<IndicatorSpec>();
		var strategicAreas = plan.putArray("strategicAreas");
		int[] areaValues = partition(100, 3, 15, random);
		int[] strategicPerArea = shape.strategicPerArea();
		int objectiveCounter = 0;
		int strategicCounter = 0;
		for (int a = 0; a < 3; a++) {
			var area = strategicAreas.addObject();
			area.put("code", String.valueOf(a + 1));
			area.put("name", "Area strategica " + (a + 1) + ": " + phrase(random, 3));
			area.put("value", areaValues[a]);
			var strategicObjectives = area.putArray("strategicObjectives");
			int[] strategicValues = partition(areaValues[a], strategicPerArea[a], 1, random);
			for (int s = 0; s < strategicPerArea[a]; s++) {
				String strategicCode = (a + 1) + "." + (s + 1);
				var strategic = strategicObjectives.addObject();
				strategic.put("code", strategicCode);
				strategic.put("name", "Obiettivo strategico " + strategicCode + ": " + phrase(random, 4));
				strategic.put("value", strategicValues[s]);
				var operational = strategic.putArray("operationalObjectives");
				for (int o = 0; o < perStrategic[strategicCounter]; o++) {
					int manager = managerOf.get(objectiveCounter++);
					int weight = managerWeights[manager][managerUsed[manager]++];
					String code = strategicCode + "." + (o + 1);
					objective(operational.addObject(), code, manager, weight, random, indicators);
				}
				strategicCounter++;
			}
		}
		var policy = plan.putObject("scoringPolicy");
		policy.put("version", 1);
		policy.put("cap", new BigDecimal("1.0"));
		policy.put("floor", 0);
		policy.put("numericRule", "RATIO");
		policy.put("missingAtIntermediate", "EXCLUDE");
		policy.put("missingAtFinal", "ZERO");
		policy.put("lateMilestoneCredit", 0);
		policy.put("greenFrom", new BigDecimal("0.9"));
		policy.put("amberFrom", new BigDecimal("0.5"));
		var bands = policy.putArray("incentiveBands");
		band(bands, "BELOW_THRESHOLD", "0", "0.5", "NONE");
		band(bands, "PROPORTIONAL", "0.5", "0.9", "SCORE");
		band(bands, "FULL", "0.9", null, "FULL");
		return new PlanSpec(entity + "-" + YEAR, plan, List.copyOf(indicators));
	}

	private void objective(ObjectNode objective, String code, int manager, int weight, Random random,
			List<IndicatorSpec> out) {
		objective.put("code", code);
		objective.put("title", "Obiettivo operativo " + code + ": " + phrase(random, 5));
		objective.put("shortTitle", phrase(random, 2));
		objective.put("description", phrase(random, 18));
		objective.put("expectedBenefit", phrase(random, 8));
		objective.put("organisationalArea", "UO" + shape.areaOf(manager));
		objective.put("manager", "dirigente" + manager);
		objective.put("weight", weight);
		objective.putNull("contributionWeight");
		objective.putArray("strategicScopes");
		objective.putArray("budgetLines");
		objective.putArray("evidence");
		if (random.nextInt(10) == 0) {
			var incentive = objective.putObject("incentive");
			incentive.put("coefficient", 1 + random.nextInt(5));
			incentive.put("purpose", "Miglioramento continuo");
			var funds = incentive.putArray("funds");
			var fund = funds.addObject();
			fund.put("name", "Fondo Dipendenti");
			fund.put("basis", "1% delle risorse stabili per ciascun punto");
			fund.put("unitAmount", 1000 + random.nextInt(4000));
			fund.put("amount", 5000 + random.nextInt(20000));
		}
		else {
			objective.putNull("incentive");
		}
		var indicators = objective.putArray("indicators");
		int count = shape.minIndicators() + random.nextInt(shape.maxIndicators() - shape.minIndicators() + 1);
		int[] weights = partition(100, count, 5, random);
		for (int i = 0; i < count; i++) {
			out.add(indicator(indicators.addObject(), code, String.valueOf(i + 1), weights[i], random));
		}
	}

	private IndicatorSpec indicator(ObjectNode indicator, String objective, String code, int weight, Random random) {
		String kind = pick(random);
		boolean lower = (kind.equals("COUNT") || kind.equals("AMOUNT")) && random.nextInt(5) == 0;
		String direction = lower ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER";
		indicator.put("code", code);
		indicator.put("name", "Indicatore " + code + ": " + phrase(random, 4));
		indicator.putArray("types").add(random.nextBoolean() ? "EXTERNAL_EFFECTIVENESS" : "EFFICIENCY");
		indicator.put("perspective", random.nextBoolean() ? "imprese/utenti" : "processi interni");
		indicator.put("measureKind", kind);
		indicator.put("direction", direction);
		BigDecimal scale = switch (kind) {
			case "COUNT" -> BigDecimal.valueOf(10 + random.nextInt(5000));
			case "AMOUNT" -> BigDecimal.valueOf(1000 + random.nextInt(100_000), 0);
			case "PERCENTAGE" -> BigDecimal.valueOf(50 + random.nextInt(45));
			default -> BigDecimal.ONE;
		};
		indicator.put("unit", switch (kind) {
			case "COUNT" -> "pratiche";
			case "AMOUNT" -> "euro";
			case "PERCENTAGE" -> "%";
			default -> null;
		});
		if ((kind.equals("COUNT") || kind.equals("AMOUNT") || kind.equals("PERCENTAGE")) && random.nextBoolean()) {
			indicator.put("baseline", scale.multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.HALF_UP));
			indicator.put("baselineText", "valore dell'anno precedente");
		}
		else {
			indicator.putNull("baseline");
			indicator.putNull("baselineText");
		}
		indicator.put("weight", weight);
		var components = indicator.putArray("components");
		var milestones = indicator.putArray("milestones");
		var targets = indicator.putArray("targets");
		List<String> componentCodes = new ArrayList<>();
		List<String> milestoneCodes = new ArrayList<>();
		boolean midTarget = random.nextInt(10) < 6;
		switch (kind) {
			case "COUNT", "AMOUNT", "PERCENTAGE" -> {
				if (midTarget) {
					var mid = kind.equals("PERCENTAGE") ? scale : scale.divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_UP);
					target(targets, MID, t -> t.put("number", mid), mid.toPlainString());
				}
				target(targets, FINAL, t -> t.put("number", scale), scale.toPlainString());
			}
			case "BOOLEAN" -> {
				if (midTarget) {
					target(targets, MID, t -> t.put("yes", true), "si");
				}
				target(targets, FINAL, t -> t.put("yes", true), "si");
			}
			case "QUALITATIVE" -> {
				if (midTarget) {
					target(targets, MID, t -> { }, "Avvio del progetto");
				}
				target(targets, FINAL, t -> { }, "Completamento del progetto entro l'anno");
			}
			case "MILESTONE" -> {
				int count = 2 + random.nextInt(3);
				List<String> dueByMid = new ArrayList<>();
				for (int m = 1; m <= count; m++) {
					var due = LocalDate.of(YEAR, 1, 1).plusDays(30 + random.nextInt(320));
					var milestone = milestones.addObject();
					milestone.put("code", "M" + m);
					milestone.put("name", "Fase " + m + ": " + phrase(random, 3));
					milestone.put("due", due.toString());
					milestoneCodes.add("M" + m);
					if (!due.isAfter(LocalDate.parse(MID))) {
						dueByMid.add("M" + m);
					}
				}
				if (!dueByMid.isEmpty()) {
					target(targets, MID, t -> dueByMid.forEach(t.putArray("milestones")::add), "fasi previste al 30/6");
				}
				target(targets, FINAL, t -> milestoneCodes.forEach(t.putArray("milestones")::add), "tutte le fasi");
			}
			case "COMPOUND" -> {
				int count = 2 + random.nextInt(2);
				for (int c = 1; c <= count; c++) {
					var component = components.addObject();
					component.put("code", "c" + c);
					component.put("name", "componente " + c);
					component.put("measureKind", "COUNT");
					component.put("direction", "HIGHER_IS_BETTER");
					component.put("unit", "unità");
					component.putNull("weight");
					componentCodes.add("c" + c);
				}
				var values = new ArrayList<Integer>();
				componentCodes.forEach(c -> values.add(10 + random.nextInt(1000)));
				if (midTarget) {
					target(targets, MID, t -> t.putObject("components").put("c1", values.get(0) / 2), "metà del primo");
				}
				target(targets, FINAL, t -> {
					var map = t.putObject("components");
					for (int c = 0; c < componentCodes.size(); c++) {
						map.put(componentCodes.get(c), values.get(c));
					}
				}, "valori finali");
			}
			default -> throw new IllegalStateException(kind);
		}
		return new IndicatorSpec(objective, code, kind, direction, scale, List.copyOf(milestoneCodes),
				List.copyOf(componentCodes));
	}

	private static void target(ArrayNode targets, String checkpoint, java.util.function.Consumer<ObjectNode> shape,
			String text) {
		var target = targets.addObject();
		target.put("checkpoint", checkpoint);
		target.putNull("number");
		target.putNull("yes");
		target.putNull("milestones");
		target.putNull("components");
		shape.accept(target);
		target.put("text", text);
	}

	private static void checkpoint(ArrayNode checkpoints, String id, String label, boolean isFinal) {
		var checkpoint = checkpoints.addObject();
		checkpoint.put("id", id);
		checkpoint.put("date", id);
		checkpoint.put("label", label);
		checkpoint.put("final", isFinal);
	}

	private static void band(ArrayNode bands, String code, String from, String to, String payout) {
		var band = bands.addObject();
		band.put("code", code);
		band.put("from", new BigDecimal(from));
		if (to == null) {
			band.putNull("to");
		}
		else {
			band.put("to", new BigDecimal(to));
		}
		band.put("payout", payout);
	}

	private static String pick(Random random) {
		int total = 0;
		for (int w : KIND_WEIGHTS) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < KINDS.length; i++) {
			r -= KIND_WEIGHTS[i];
			if (r < 0) {
				return KINDS[i];
			}
		}
		throw new IllegalStateException();
	}

	/** {@code total} split into {@code parts} integers of at least {@code min} each. */
	static int[] partition(int total, int parts, int min, Random random) {
		int[] out = new int[parts];
		java.util.Arrays.fill(out, min);
		int left = total - parts * min;
		if (left < 0) {
			throw new IllegalArgumentException(total + " cannot be split into " + parts + " parts of " + min);
		}
		for (int i = 0; i < left; i++) {
			out[random.nextInt(parts)]++;
		}
		return out;
	}

	static String phrase(Random random, int words) {
		var text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			if (i > 0) {
				text.append(' ');
			}
			text.append(WORDS[random.nextInt(WORDS.length)]);
		}
		return text.toString();
	}
}
