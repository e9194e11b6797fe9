package org.cicloperformance.monitoringservice.outbox;

/**
 * What a store asks of its outbox: {@link #begin()} before each write that adds events, then, on the
 * {@link OutboxWrite} it gets, the stamps to store with them and the hand-off of what was written.
 */
@FunctionalInterface
public interface OutboxWrites {

	/** Opens a write: until it is closed, this process's mark stays at or before its stamp. */
	OutboxWrite begin();
}
