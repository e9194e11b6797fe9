package org.cicloperformance.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.cicloperformance.benchmark.PlanGenerator.IndicatorSpec;
import org.cicloperformance.benchmark.PlanGenerator.PlanSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results to post: each one a first result for an indicator and checkpoint not reported yet, a correction of
 * one already acknowledged (version n+1), or an invalid one that monitoring-service must refuse. It also keeps
 * what was acknowledged, per indicator and checkpoint, to check the stores at the end.
 */
final class Workload {

	/** One indicator at one checkpoint of one plan; {@code document} numbers its plan and checkpoint. */
	record Slot(int id, int document, PlanSpec plan, IndicatorSpec indicator, String checkpoint) {

		String scoreDocumentId() {
			return plan.planId() + "#" + checkpoint;
		}

		String indicatorKey() {
			return indicator.objective() + "#" + indicator.code();
		}
	}

	/** A result to post; {@code invalid} ones must be refused. */
	record Item(Slot slot, ObjectNode body, boolean correction, boolean invalid) {
	}

	/** The slots of one plan at one checkpoint, in a random order, and which of them were acknowledged. */
	private static final class Group {

		final List<Integer> slots = new ArrayList<>();

		final AtomicInteger next = new AtomicInteger();

		final List<Integer> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());

		Integer take() {
			int i = next.getAndIncrement();
			return i < slots.size() ? slots.get(i) : null;
		}
	}

	private static final String[] OFFICES = { "ufficio-registro-imprese", "ufficio-promozione", "ufficio-ragioneria",
			"ufficio-personale", "ufficio-metrico", "ufficio-ambiente" };

	private static final String[] SENTENCES = { "L'attività è proseguita secondo il cronoprogramma previsto.",
			"Sono state completate le verifiche sulle pratiche del semestre.",
			"Il dato è estratto dal gestionale alla data del checkpoint.",
			"Si segnalano ritardi dovuti alla riorganizzazione dell'ufficio.",
			"Sono stati organizzati incontri con le associazioni di categoria.",
			"Il risultato tiene conto delle pratiche sospese per integrazioni.",
			"La rilevazione è stata effettuata sul campione concordato con l'OIV." };

	private final JsonMapper json;

	private final List<Slot> slots = new ArrayList<>();

	private final List<Group> groups = new ArrayList<>();

	/** Slots with at least one acknowledged result, which corrections pick from. */
	private final List<Integer> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());

	private final AtomicIntegerArray acceptedVersions;

	private final ConcurrentHashMap<Integer, String> lastValueText = new ConcurrentHashMap<>();

	private final double corrections;

	private final double invalid;

	Workload(JsonMapper json, List<PlanSpec> plans, long seed, double corrections, double invalid) {
		this.json = json;
		this.corrections = corrections;
		this.invalid = invalid;
		var random = new Random(seed);
		for (PlanSpec plan : plans) {
			for (String checkpoint : PlanGenerator.CHECKPOINTS) {
				var group = new Group();
				for (IndicatorSpec indicator : plan.indicators()) {
					group.slots.add(slots.size());
					slots.add(new Slot(slots.size(), groups.size(), plan, indicator, checkpoint));
				}
				java.util.Collections.shuffle(group.slots, random);
				groups.add(group);
			}
		}
		acceptedVersions = new AtomicIntegerArray(slots.size());
	}

	int slotCount() {
		return slots.size();
	}

	List<Slot> slots() {
		return slots;
	}

	/**
	 * The next single result, as one of many offices posting at once would send it: for any plan and checkpoint;
	 * mostly first results, some corrections, a few invalid.
	 */
	Item next(Random random) {
		return next(random, random.nextInt(groups.size()));
	}

	/**
	 * A batch as one office sends it: {@code size} valid results of one plan at one checkpoint (another one when it
	 * has nothing left to report). The invalid results drawn meanwhile go to {@code invalidItems}, to be posted alone.
	 */
	List<Item> nextBatch(Random random, int size, java.util.function.Consumer<Item> invalidItems) {
		int group = random.nextInt(groups.size());
		for (int tried = 0; tried < groups.size() && groups.get(group).next.get() >= groups.get(group).slots.size();
				tried++) {
			group = (group + 1) % groups.size();
		}
		var batch = new ArrayList<Item>();
		while (batch.size() < size) {
			Item item = next(random, group, true);
			if (item.invalid()) {
				invalidItems.accept(item);
			}
			else {
				batch.add(item);
			}
		}
		return batch;
	}

	private Item next(Random random, int group) {
		return next(random, group, false);
	}

	/** {@code sameGroup}: only this plan and checkpoint (a batch is one office's, of one entity). */
	private Item next(Random random, int group, boolean sameGroup) {
		Group preferred = groups.get(group);
		double draw = random.nextDouble();
		if (draw < invalid) {
			Slot slot = slots.get(preferred.slots.get(random.nextInt(preferred.slots.size())));
			return new Item(slot, invalidResult(slot, random), false, true);
		}
		if (draw < invalid + corrections) {
			Integer id = pick(preferred.acknowledged, random);
			if (id == null && !sameGroup) {
				id = pick(acknowledged, random);
			}
			if (id != null) {
				Slot slot = slots.get(id);
				return new Item(slot, result(slot, random, true), true, false);
			}
		}
		for (int tried = 0; tried < (sameGroup ? 1 : groups.size()); tried++) {
			Integer id = groups.get((group + tried) % groups.size()).take();
			if (id != null) {
				Slot slot = slots.get(id);
				return new Item(slot, result(slot, random, false), false, false);
			}
		}
		// every slot (of the group) has been reported: from now on everything is a correction
		Slot slot = sameGroup ? slots.get(preferred.slots.get(random.nextInt(preferred.slots.size())))
				: slots.get(random.nextInt(slots.size()));
		return new Item(slot, result(slot, random, true), true, false);
	}

	private static Integer pick(List<Integer> list, Random random) {
		synchronized (list) {
			return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
		}
	}

	/** Records an acknowledged version; the stored version numbers must end up equal to these counts. */
	void acknowledged(Item item, int version) {
		int before = acceptedVersions.getAndIncrement(item.slot().id());
		if (before == 0) {
			acknowledged.add(item.slot().id());
			groups.get(item.slot().document()).acknowledged.add(item.slot().id());
		}
		lastValueText.merge(item.slot().id(), version + "|" + item.body().path("value").path("text").asString(),
				(a, b) -> Integer.parseInt(a.substring(0, a.indexOf('|'))) > version ? a : b);
	}

	int acceptedVersions(int slot) {
		return acceptedVersions.get(slot);
	}

	/** The value text of the highest version acknowledged for a slot, or null. */
	String lastValueText(int slot) {
		String entry = lastValueText.get(slot);
		return entry == null ? null : entry.substring(entry.indexOf('|') + 1);
	}

	private ObjectNode result(Slot slot, Random random, boolean correction) {
		var body = envelope(slot, random);
		var value = body.putObject("value");
		IndicatorSpec indicator = slot.indicator();
		switch (indicator.kind()) {
			case "COUNT" -> {
				var number = indicator.scale().multiply(BigDecimal.valueOf(0.3 + random.nextDouble()))
					.setScale(0, RoundingMode.HALF_UP);
				value.put("number", number);
				value.put("text", number.toPlainString());
			}
			case "AMOUNT" -> {
				var number = indicator.scale().multiply(BigDecimal.valueOf(0.3 + random.nextDouble()))
					.setScale(2, RoundingMode.HALF_UP);
				value.put("number", number);
				value.put("text", "€ " + number.toPlainString());
			}
			case "PERCENTAGE" -> {
				var number = BigDecimal.valueOf(random.nextInt(10_001), 2);
				value.put("number", number);
				value.put("text", number.toPlainString().replace('.', ',') + "%");
			}
			case "BOOLEAN" -> {
				boolean yes = random.nextInt(4) > 0;
				value.put("yes", yes);
				value.put("text", yes ? "SI" : "NO");
			}
			case "QUALITATIVE" -> {
				int assessment = 40 + random.nextInt(61);
				value.put("assessment", assessment);
				value.put("justification", SENTENCES[random.nextInt(SENTENCES.length)]);
				value.put("text", assessment + "/100");
			}
			case "MILESTONE" -> {
				var delivered = value.putArray("delivered");
				var text = new StringBuilder();
				for (String milestone : indicator.milestones()) {
					if (random.nextInt(3) > 0) {
						var date = LocalDate.of(PlanGenerator.YEAR, 1, 1).plusDays(random.nextInt(330)).toString();
						var entry = delivered.addObject();
						entry.put("milestone", milestone);
						entry.put("date", date);
						text.append(text.length() == 0 ? "" : "|").append(milestone).append('=').append(date);
					}
				}
				value.put("text", text.toString());
			}
			case "COMPOUND" -> {
				var components = value.putObject("components");
				var text = new StringBuilder();
				for (String component : indicator.components()) {
					int number = random.nextInt(1200);
					components.put(component, number);
					text.append(text.length() == 0 ? "" : "|").append(component).append('=').append(number);
				}
				value.put("text", text.toString());
			}
			default -> throw new IllegalStateException(indicator.kind());
		}
		if (correction) {
			body.put("reason", "Rettifica: dato definitivo trasmesso dall'ufficio");
		}
		return body;
	}

	/** A result monitoring-service must refuse with 422, for an indicator that exists. */
	private ObjectNode invalidResult(Slot slot, Random random) {
		var body = envelope(slot, random);
		var value = body.putObject("value");
		IndicatorSpec indicator = slot.indicator();
		switch (indicator.kind()) {
			case "COUNT" -> value.put("number", -1 - random.nextInt(100));
			case "AMOUNT" -> value.put("yes", true);
			case "PERCENTAGE" -> value.put("number", 100 + 1 + random.nextInt(100));
			case "BOOLEAN" -> value.put("number", 1);
			case "QUALITATIVE" -> value.put("assessment", 70);
			case "MILESTONE" -> value.putArray("delivered").addObject().put("milestone", "M99").put("date",
					PlanGenerator.YEAR + "-03-01");
			case "COMPOUND" -> value.putObject("components").put("sconosciuta", 5);
			default -> throw new IllegalStateException(indicator.kind());
		}
		value.put("text", "valore errato");
		return body;
	}

	private ObjectNode envelope(Slot slot, Random random) {
		var body = json.createObjectNode();
		body.put("planId", slot.plan().planId());
		body.put("objective", slot.indicator().objective());
		body.put("indicator", slot.indicator().code());
		body.put("checkpoint", slot.checkpoint());
		var commentary = new StringBuilder();
		int sentences = 1 + random.nextInt(3);
		for (int i = 0; i < sentences; i++) {
			commentary.append(i == 0 ? "" : " ").append(SENTENCES[random.nextInt(SENTENCES.length)]);
		}
		body.put("commentary", commentary.toString());
		body.putArray("evidence").add("Estrazione dal gestionale, protocollo n. " + (1000 + random.nextInt(9000)));
		body.put("reportedBy", OFFICES[random.nextInt(OFFICES.length)]);
		body.putNull("reason");
		return body;
	}
}
