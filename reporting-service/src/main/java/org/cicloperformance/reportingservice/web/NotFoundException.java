package org.cicloperformance.reportingservice.web;

/** Something the API was asked for does not exist; {@code messageKey} names the Italian text in the bundle. */
public class NotFoundException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public NotFoundException(String messageKey, Object... arguments) {
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
