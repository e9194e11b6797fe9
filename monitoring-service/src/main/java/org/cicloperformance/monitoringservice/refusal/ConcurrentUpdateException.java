package org.cicloperformance.monitoringservice.refusal;

/** Too many writers raced for one document: nothing was stored by this request (409, the client retries). */
public class ConcurrentUpdateException extends RuntimeException {

	public ConcurrentUpdateException(String id) {
		super("too many concurrent updates of " + id);
	}
}
