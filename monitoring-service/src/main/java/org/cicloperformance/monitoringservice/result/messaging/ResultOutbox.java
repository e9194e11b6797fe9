package org.cicloperformance.monitoringservice.result.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.cicloperformance.monitoringservice.outbox.OutboxQueue;
import org.cicloperformance.monitoringservice.outbox.OutboxSource;
import org.cicloperformance.monitoringservice.result.ResultStore;
import org.springframework.stereotype.Component;

/** The outbox of collection {@code results}: {@code ResultRecorded} events to {@code result-events}. */
@Component
class ResultOutbox implements OutboxSource {

	static final String BINDING = "resultEvents-out-0";

	private final ResultStore store;

	ResultOutbox(ResultStore store, OutboxQueue queue) {
		this.store = store;
		store.onOutboxWritten(id -> queue.written(this, id));
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
	public List<Pending> pending(Collection<String> documentIds) {
		return store.withPendingEvents(documentIds).stream().map(d -> new Pending(d.id(), d.outbox())).toList();
	}

	@Override
	public void removeAll(Map<String, List<String>> eventIdsByDocument) {
		store.removeFromOutboxes(eventIdsByDocument);
	}
}
