package org.cicloperformance.reportingservice.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook: HMAC-SHA256 with the subscription's secret over {@code timestamp + "." + body}, in
 * lower-case hex, sent as {@code X-Ciclo-Signature: sha256=<hex>} beside {@code X-Ciclo-Timestamp} (seconds since
 * the epoch). The timestamp is inside the signed text, so a receiver that refuses old timestamps refuses replays.
 */
final class Signatures {

	static final String SIGNATURE_HEADER = "X-Ciclo-Signature";

	static final String TIMESTAMP_HEADER = "X-Ciclo-Timestamp";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Signatures() {
	}

	/** {@code sha256=<hex>} for the body sent at {@code timestamp}. */
	static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

	/** What a receiver does: the same signature, compared in constant time. */
	static boolean verify(String secret, long timestamp, String body, String signature) {
		return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8));
	}

	/** A new secret: 32 random bytes in hex, prefixed so that it is recognisable in a secrets scanner. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + HexFormat.of().formatHex(bytes);
	}
}
