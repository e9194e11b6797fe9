package org.cicloperformance.reportingservice.report;

/**
 * The Relazione sulla performance cannot be made yet (409): the plan has no final checkpoint, the OIV has not closed
 * it, or its final scores are still being written. {@code messageKey} names the Italian text in the bundle.
 */
public class RelazioneRefusedException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	RelazioneRefusedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}
}
