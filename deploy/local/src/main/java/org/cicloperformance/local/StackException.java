package org.cicloperformance.local;

/** A reason the stack cannot start, worded for the person who ran it. */
class StackException extends RuntimeException {

	StackException(String message) {
		super(message);
	}

	StackException(String message, Throwable cause) {
		super(message, cause);
	}
}
