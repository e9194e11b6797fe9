package org.cicloperformance.reportingservice.score;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The score documents of the plans this instance owns (result events are keyed by plan id, so the consumer that
 * owns a partition owns its plans), as it last wrote or read them, bounded; and every write of them. A write that
 * misses or fails drops the remembered copy, to be read again from the store; a written document is announced, so
 * that open dashboards refresh.
 */
final class OwnedDocuments {

	private final ScoreStore scores;

	private final ScoreWrites writes;

	private final ApplicationEventPublisher events;

	private final Cache<String, ScoreStore.Stored> documents;

	OwnedDocuments(ScoreStore scores, ScoreWrites writes, ApplicationEventPublisher events, int indicatorScores) {
		this.scores = scores;
		this.writes = writes;
		this.events = events;
		this.documents = Caffeine.newBuilder()
				.maximumWeight(Math.max(1, indicatorScores))
				.<String, ScoreStore.Stored>weigher((id, stored) -> 1 + stored.document().scorecard().indicators().size())
				.build();
	}

	/** Partitions moved: what is remembered may be another owner's past. */
	void forgetAll() {
		documents.invalidateAll();
	}

	void forget(String id) {
		documents.invalidate(id);
	}

	/** The document as this instance last wrote it, or as stored. */
	ScoreStore.Stored current(String planId, String checkpointId) {
		ScoreStore.Stored cached = documents.getIfPresent(ScoreDocument.id(planId, checkpointId));
		return cached != null ? cached : stored(planId, checkpointId);
	}

	/** The document as stored now (and remembered so). */
	ScoreStore.Stored stored(String planId, String checkpointId) {
		ScoreStore.Stored stored = scores.load(planId, checkpointId).orElse(null);
		if (stored != null) {
			documents.put(stored.document().id(), stored);
		}
		return stored;
	}

	/** Writes the changes in one bulk write; what another writer moved first is left out of the result. */
	ScoreWrites.Result writeAll(List<ScoreWrites.Change> changes) {
		ScoreWrites.Result result;
		try {
			result = writes.write(changes);
		}
		catch (RuntimeException e) {
			changes.forEach(c -> documents.invalidate(c.next().id()));
			throw e;
		}
		for (ScoreWrites.Change change : changes) {
			ScoreStore.Stored written = result.written().get(change.next().id());
			if (written != null) {
				remember(written);
			}
			else {
				documents.invalidate(change.next().id());
			}
		}
		return result;
	}

	/** Writes one document alone; false when another writer moved it first. */
	boolean write(ScoreStore.Stored before, ScoreDocument next) {
		return writeAll(List.of(new ScoreWrites.Change(before, next))).written().containsKey(next.id());
	}

	private void remember(ScoreStore.Stored written) {
		ScoreDocument document = written.document();
		documents.put(document.id(), written);
		events.publishEvent(new ScoresChanged(document.planId(), document.checkpoint(), document.revision()));
	}
}
