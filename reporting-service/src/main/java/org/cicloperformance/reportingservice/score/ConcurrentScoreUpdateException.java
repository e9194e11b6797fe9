package org.cicloperformance.reportingservice.score;

/** Too many concurrent writers on one score document; the event is retried by the binder. */
class ConcurrentScoreUpdateException extends RuntimeException {

	ConcurrentScoreUpdateException(String documentId) {
		super("score document " + documentId + " kept changing while being updated");
	}
}
