package org.cicloperformance.reportingservice.messaging;

/** An event this service cannot read: retried, then parked on the dead-letter topic. */
class InvalidEventException extends RuntimeException {

	InvalidEventException(String message) {
		super(message);
	}

	InvalidEventException(String message, Throwable cause) {
		super(message, cause);
	}
}
