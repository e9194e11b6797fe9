package org.cicloperformance.monitoringservice.checkpoint;

import java.util.List;
import org.cicloperformance.monitoringservice.outbox.OutboxSource;
import org.springframework.stereotype.Component;

/** The outbox of collection {@code checkpoints}: the workflow's events to {@code checkpoint-events}. */
@Component
class CheckpointOutbox implements OutboxSource {

	static final String BINDING = "checkpointEvents-out-0";

	private final CheckpointStore store;

	CheckpointOutbox(CheckpointStore store) {
		this.store = store;
	}

	@Override
	public String binding() {
		return BINDING;
	}

	@Override
	public List<Pending> pending() {
		return store.withPendingEvents().stream().map(d -> new Pending(d.id(), d.outbox())).toList();
	}

	@Override
	public void remove(String documentId, String eventId) {
		store.removeFromOutbox(documentId, eventId);
	}
}
