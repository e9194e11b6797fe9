package org.cicloperformance.planservice.plan;

/** The event announcing a version would be larger than Kafka accepts: the version is refused, nothing is stored. */
public class EventTooLargeException extends RuntimeException {

	private final long size;

	private final long limit;

	public EventTooLargeException(long size, long limit) {
		super("event of " + size + " bytes over the limit of " + limit);
		this.size = size;
		this.limit = limit;
	}

	public long size() {
		return size;
	}

	public long limit() {
		return limit;
	}
}
