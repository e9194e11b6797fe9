package org.cicloperformance.monitoringservice.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.springframework.stereotype.Component;

/**
 * Whether results may be recorded at their checkpoints: not at all once CLOSED; while SUBMITTED or UNDER_REVIEW only
 * as the office's correction of an indicator whose current verdict is REJECTED. One read of all the checkpoints
 * named by the request, however many items and checkpoints it has (read for each request, never cached: a checkpoint
 * closed a moment ago refuses the next request). Checkpoints of another entity's plans are ignored here: the usual
 * checks answer them as unknown plans.
 */
@Component
public class CheckpointGate {

	private final CheckpointStore store;

	CheckpointGate(CheckpointStore store) {
		this.store = store;
	}

	/**
	 * The refusal of a change to a result's evidence on a CLOSED checkpoint (the same refusal as recording a result
	 * there). Evidence may still be added while the OIV reviews: it is what the review asks for.
	 */
	public Optional<Violation> closed(String entity, String planId, String checkpoint) {
		return store.find(planId, checkpoint)
				.filter(d -> entity != null && entity.equals(d.entity()) && d.status() == CheckpointStatus.CLOSED)
				.map(d -> Violation.of("/checkpoint", "checkpoint-closed", checkpoint, planId, d.closing()));
	}

	/** A result about to be recorded, as far as the gate cares. */
	public record Item(String planId, String objective, String indicator, String checkpoint) {
	}

	/**
	 * The refusals of the items recorded on a closed or reviewed checkpoint; {@code placement} puts the item's index
	 * (or CSV line) into each violation.
	 */
	public List<Violation> refusals(String entity, List<Item> requests,
			BiFunction<Integer, Violation, Violation> placement) {
		Set<String> ids = new LinkedHashSet<>();
		requests.stream().filter(CheckpointGate::names)
				.forEach(r -> ids.add(CheckpointDocument.idOf(r.planId(), r.checkpoint())));
		Map<String, CheckpointDocument> documents = store.findAll(ids);
		List<Violation> refused = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			Item r = requests.get(i);
			if (!names(r)) {
				continue;
			}
			Optional<CheckpointDocument> document = Optional
					.ofNullable(documents.get(CheckpointDocument.idOf(r.planId(), r.checkpoint())))
					.filter(d -> entity != null && entity.equals(d.entity()));
			if (document.isEmpty()) {
				continue;
			}
			CheckpointDocument d = document.get();
			switch (d.status()) {
				case CLOSED -> refused.add(placement.apply(i,
						Violation.of("/checkpoint", "checkpoint-closed", r.checkpoint(), r.planId(), d.closing())));
				case SUBMITTED, UNDER_REVIEW -> {
					boolean rejected = r.objective() != null && r.indicator() != null
							&& d.currentVerdict(r.objective(), r.indicator())
								.filter(v -> v.verdict() == Verdict.REJECTED).isPresent();
					if (!rejected) {
						refused.add(placement.apply(i, Violation.of("/checkpoint", "checkpoint-under-review",
								r.checkpoint(), r.planId(), d.status())));
					}
				}
				case OPEN -> {
				}
			}
		}
		return refused;
	}

	private static boolean names(Item r) {
		return r != null && r.planId() != null && r.checkpoint() != null;
	}
}
