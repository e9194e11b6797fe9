package org.cicloperformance.reportingservice.alert;

import java.util.List;

/** A policy refused: each reason with the JSON pointer of the field it concerns (422). */
public class AlertMailRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** {@code code} is the message key's last part ({@code alertMail.refused.<code>}). */
	public record Refusal(String pointer, String code, List<Object> arguments) {

		static Refusal of(String pointer, String code, Object... arguments) {
			return new Refusal(pointer, code, List.of(arguments));
		}
	}

	private final transient List<Refusal> refusals;

	AlertMailRefusedException(List<Refusal> refusals) {
		super(refusals.toString());
		this.refusals = List.copyOf(refusals);
	}

	public List<Refusal> refusals() {
		return refusals;
	}
}
