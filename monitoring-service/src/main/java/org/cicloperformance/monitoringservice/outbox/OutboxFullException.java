package org.cicloperformance.monitoringservice.outbox;

/**
 * A write refused before it starts because this process already holds {@code monitoring.outbox.max-backlog} events
 * that Kafka has not acknowledged (the broker is down or far behind). Nothing of the refused request was stored; the
 * caller retries later (503 with {@code Retry-After}).
 */
public class OutboxFullException extends RuntimeException {

	private final long backlog;

	private final long maxBacklog;

	public OutboxFullException(long backlog, long maxBacklog) {
		super("Outbox full: " + backlog + " events not yet acknowledged by Kafka (limit " + maxBacklog + ")");
		this.backlog = backlog;
		this.maxBacklog = maxBacklog;
	}

	public long backlog() {
		return backlog;
	}

	public long maxBacklog() {
		return maxBacklog;
	}
}
