package org.cicloperformance.monitoringservice.result.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cicloperformance.monitoringservice.idempotency.IdempotencyStore.Claim;
import org.cicloperformance.monitoringservice.idempotency.IdempotencyStore.Completed;
import org.cicloperformance.monitoringservice.idempotency.IdempotencyStore.InProgress;
import org.cicloperformance.monitoringservice.idempotency.IdempotencyStore.Mismatch;
import org.cicloperformance.monitoringservice.idempotency.IdempotencyStore;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} protocol: the same key and request answer the first (successful) response again
 * without storing anything; the same key with another request is refused (422); a request still in progress with
 * the key gets 409. Refusals are not remembered: the key is released so the client can fix and retry.
 * Keys belong to one user of one entity: the same key sent by another user is another key, so nobody can replay
 * (or block) someone else's answer.
 */
@Component
class IdempotentRequests {

	static final String HEADER = "Idempotency-Key";

	private final IdempotencyStore store;

	private final JsonMapper json;

	IdempotentRequests(IdempotencyStore store, JsonMapper json) {
		this.store = store;
		this.json = json;
	}

	/**
	 * Runs {@code action} (given the request id to mark versions with, null without a key) at most once per key of
	 * {@code actor}.
	 */
	ResponseEntity<?> run(Actor actor, String clientKey, String method, String path, byte[] request,
			Function<String, ResponseEntity<?>> action) {
		return run(actor, clientKey, method, path, () -> request, action);
	}

	/** As above, the request's bytes made only when a key is given (most requests have none). */
	ResponseEntity<?> run(Actor actor, String clientKey, String method, String path, Supplier<byte[]> request,
			Function<String, ResponseEntity<?>> action) {
		if (clientKey == null) {
			return action.apply(null);
		}
		if (clientKey.isBlank() || clientKey.length() > 200) {
			throw new RefusedException(Violation.of("/headers/Idempotency-Key", "idempotency-key-invalid"));
		}
		String key = scoped(actor, clientKey);
		String hash = hash(method, path, request.get());
		Claim claim = store.claim(key, hash);
		if (claim instanceof Completed completed) {
			ResponseEntity.BodyBuilder replay = ResponseEntity.status(completed.status())
					.contentType(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true");
			if (completed.location() != null) {
				replay.location(URI.create(completed.location()));
			}
			return replay.body(completed.body());
		}
		if (claim instanceof Mismatch) {
			throw new RefusedException(Violation.of("/headers/Idempotency-Key", "idempotency-key-reused", clientKey));
		}
		if (claim instanceof InProgress) {
			throw new RefusedException(Violation.of("/headers/Idempotency-Key", "idempotency-in-progress", clientKey));
		}
		ResponseEntity<?> response;
		try {
			response = action.apply(key);
		}
		catch (RuntimeException e) {
			store.release(key);
			throw e;
		}
		if (response.getStatusCode().is2xxSuccessful()) {
			URI location = response.getHeaders().getLocation();
			store.complete(key, response.getStatusCode().value(), json.writeValueAsString(response.getBody()),
					location == null ? null : location.toString());
		}
		else {
			store.release(key);
		}
		return response;
	}

	/** entity:user:key, the first two URL-encoded so that no choice of names can make two scopes meet. */
	static String scoped(Actor actor, String clientKey) {
		return encode(actor.entity()) + ":" + encode(actor.username()) + ":" + clientKey;
	}

	private static String encode(String part) {
		return URLEncoder.encode(part == null ? "" : part, StandardCharsets.UTF_8);
	}

	byte[] canonical(Object request) {
		return json.writeValueAsBytes(request);
	}

	private static String hash(String method, String path, byte[] request) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(request));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
