package org.cicloperformance.reportingservice.web;

/** A request parameter the API cannot use; {@code pointer} names the parameter. */
public class BadRequestException extends RuntimeException {

	private final String parameter;

	private final String messageKey;

	private final transient Object[] arguments;

	public BadRequestException(String parameter, String messageKey, Object... arguments) {
		super(messageKey);
		this.parameter = parameter;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String parameter() {
		return parameter;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}
}
