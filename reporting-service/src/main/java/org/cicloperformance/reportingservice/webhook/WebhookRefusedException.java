package org.cicloperformance.reportingservice.webhook;

import java.util.List;

/**
 * A request about webhooks that cannot be accepted: its HTTP status and every error, each naming its field by a
 * JSON pointer and its reason by a message key ({@code webhook.*} in the bundles).
 */
public class WebhookRefusedException extends RuntimeException {

	/** One error: where ({@code pointer}), what ({@code code}, the message key's last part), and its arguments. */
	public record Refusal(String pointer, String code, List<Object> arguments) {

		public Refusal {
			arguments = arguments == null ? List.of() : List.copyOf(arguments);
		}

		public static Refusal of(String pointer, String code, Object... arguments) {
			return new Refusal(pointer, code, List.of(arguments));
		}
	}

	private final int status;

	private final transient List<Refusal> refusals;

	public WebhookRefusedException(int status, String pointer, String code) {
		this(status, List.of(Refusal.of(pointer, code)));
	}

	public WebhookRefusedException(int status, List<Refusal> refusals) {
		super(status + " " + refusals);
		this.status = status;
		this.refusals = List.copyOf(refusals);
	}

	public int status() {
		return status;
	}

	public List<Refusal> refusals() {
		return refusals;
	}
}
