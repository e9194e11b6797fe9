package org.cicloperformance.reportingservice.webhook.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.Actor;
import org.cicloperformance.reportingservice.security.Role;
import org.cicloperformance.reportingservice.web.BadRequestException;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.cicloperformance.reportingservice.webhook.Delivery;
import org.cicloperformance.reportingservice.webhook.Subscription;
import org.cicloperformance.reportingservice.webhook.WebhookDeliveries;
import org.cicloperformance.reportingservice.webhook.WebhookRefusedException;
import org.cicloperformance.reportingservice.webhook.WebhookRefusedException.Refusal;
import org.cicloperformance.reportingservice.webhook.WebhookSubscriptions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhooks of the caller's entity: registered, listed and deleted by the PLANNER only (a webhook sends the
 * entity's events outside the platform), with their deliveries and dead letters. The body is read after the role
 * check, so a refused caller learns nothing about what it sent.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

	private static final int DEFAULT_LIMIT = 50;

	private final WebhookSubscriptions subscriptions;

	private final WebhookDeliveries deliveries;

	private final Access access;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	WebhookController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, Access access, JsonMapper json,
			MessageSource messages, Clock clock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.access = access;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	/** A registration's answer: the only one that shows the secret. */
	record RegisteredView(Subscription webhook, String secret, String signature) {
	}

	@PostMapping
	ResponseEntity<RegisteredView> register(@RequestBody(required = false) byte[] body) {
		Actor planner = access.requireAny(Role.PLANNER);
		WebhookSubscriptions.Request request = read(body);
		WebhookSubscriptions.Registered registered = subscriptions.register(planner.entity(), planner.username(),
				request);
		return ResponseEntity.created(URI.create("/api/webhooks/" + registered.subscription().id()))
				.body(new RegisteredView(registered.subscription(), registered.secret(),
						"X-Ciclo-Signature: sha256=hex(HMAC-SHA256(secret, X-Ciclo-Timestamp + \".\" + body))"));
	}

	private WebhookSubscriptions.Request read(byte[] body) {
		if (body == null || body.length == 0) {
			throw new WebhookRefusedException(400, "", "body-required");
		}
		try {
			WebhookSubscriptions.Request request = json.readValue(body, WebhookSubscriptions.Request.class);
			if (request == null) {
				throw new WebhookRefusedException(400, "", "body-required");
			}
			return request;
		}
		catch (JacksonException e) {
			StringBuilder pointer = new StringBuilder();
			for (JacksonException.Reference reference : e.getPath()) {
				pointer.append('/').append(reference.getPropertyName() != null
						? reference.getPropertyName().replace("~", "~0").replace("/", "~1")
						: Integer.toString(reference.getIndex()));
			}
			throw new WebhookRefusedException(400, pointer.toString(), "malformed");
		}
	}

	@GetMapping
	List<Subscription> list() {
		return subscriptions.list(access.requireAny(Role.PLANNER).entity());
	}

	@GetMapping("/{id}")
	Subscription one(@PathVariable String id) {
		return subscriptions.find(access.requireAny(Role.PLANNER).entity(), id)
				.orElseThrow(() -> new NotFoundException("notFound.webhook", id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		Actor planner = access.requireAny(Role.PLANNER);
		if (!subscriptions.delete(planner.entity(), id, planner.username())) {
			throw new NotFoundException("notFound.webhook", id);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/deliveries")
	List<Delivery> deliveries(@PathVariable String id, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer limit) {
		String entity = access.requireAny(Role.PLANNER).entity();
		subscriptions.find(entity, id).orElseThrow(() -> new NotFoundException("notFound.webhook", id));
		return deliveries.list(entity, id, state(state), limit(limit));
	}

	/** Every dead letter of the entity's webhooks, newest first. */
	@GetMapping("/dead-letters")
	List<Delivery> deadLetters(@RequestParam(required = false) Integer limit) {
		return deliveries.list(access.requireAny(Role.PLANNER).entity(), null, "DEAD", limit(limit));
	}

	/** A dead letter queued again, its attempts counted from zero (e.g. once the receiver is repaired). */
	@PostMapping("/dead-letters/{deliveryId}/redelivery")
	Delivery redeliver(@PathVariable String deliveryId) {
		String entity = access.requireAny(Role.PLANNER).entity();
		if (!deliveries.redeliver(entity, deliveryId, clock.instant())) {
			deliveries.find(entity, deliveryId).orElseThrow(() -> new NotFoundException("notFound.delivery", deliveryId));
			throw new WebhookRefusedException(409, "/deliveryId", "not-dead");
		}
		return deliveries.find(entity, deliveryId).orElseThrow();
	}

	private static String state(String state) {
		if (state == null) {
			return null;
		}
		String upper = state.toUpperCase(Locale.ROOT);
		if (!List.of("PENDING", "SENDING", "DELIVERED", "DEAD", "CANCELLED").contains(upper)) {
			throw new BadRequestException("state", "webhook.state-unknown");
		}
		return upper;
	}

	private static int limit(Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > WebhookDeliveries.MAX_LIST) {
			throw new BadRequestException("limit", "webhook.limit", WebhookDeliveries.MAX_LIST);
		}
		return limit;
	}

	@ExceptionHandler(WebhookRefusedException.class)
	ResponseEntity<ProblemDetail> refused(WebhookRefusedException e) {
		return problem(HttpStatus.valueOf(e.status()), e.refusals());
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, List<Refusal> refusals) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = refusals.stream().map(r -> Map.of("pointer", r.pointer(), "code", r.code(),
				"message", messages.getMessage("webhook." + r.code(), r.arguments().toArray(), r.code(), locale)))
				.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errors.get(0).get("message"));
		problem.setTitle(messages.getMessage("webhook.refused.title", null, "webhook", locale));
		problem.setProperty("errors", errors);
		return ResponseEntity.status(status).body(problem);
	}
}
