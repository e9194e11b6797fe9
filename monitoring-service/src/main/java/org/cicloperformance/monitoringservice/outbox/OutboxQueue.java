package org.cicloperformance.monitoringservice.outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The ids of the documents a write has just added an outbox event to, for the relay to read by id: the relay needs
 * no scan to find new events. Only a hint: the events themselves are in the documents, and a hint lost in a crash is
 * made good by the relay's scan at start-up.
 */
@Component
class OutboxQueue {

	record Written(OutboxSource source, String documentId, long at) {
	}

	private final LinkedBlockingQueue<Written> written = new LinkedBlockingQueue<>();

	private final Clock clock;

	OutboxQueue(Clock clock) {
		this.clock = clock;
	}

	/** Called after the write that added an event to the document's outbox has succeeded. */
	public void written(OutboxSource source, String documentId) {
		written.add(new Written(source, documentId, clock.millis()));
	}

	/** Waits at most {@code millis} for a first id, then takes every id queued. */
	int await(long millis, Collection<Written> into) throws InterruptedException {
		Written first = written.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
		if (first == null) {
			return 0;
		}
		into.add(first);
		return 1 + written.drainTo(into);
	}

	int size() {
		return written.size();
	}

	/** When the oldest id still queued was written (epoch millis), 0 when none. */
	long oldest() {
		Written head = written.peek();
		return head == null ? 0 : head.at();
	}
}
