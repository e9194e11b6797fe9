package org.cicloperformance.reportingservice.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The webhooks' secrets sealed at rest: AES-256-GCM (the JDK's), a fresh 96-bit nonce per seal, the subscription id
 * as associated data (a sealed secret copied onto another subscription does not open), stored as
 * {@code sealedSecret: {alg, key, nonce, ciphertext}} with the key's name, so that keys can be rotated (the old
 * ones listed in {@code previous-secret-keys}). A subscription stored before sealing existed keeps its secret in
 * clear in {@code secret}: it is still read, and sealed on the next write ({@link WebhookSubscriptions}).
 * <p>
 * Without {@code reporting.webhooks.secret-key} a fixed development key is used (its name says so, and the log);
 * profile {@code production} refuses to start without one.
 */
@Component
class WebhookSecrets {

	static final String FIELD = "sealedSecret";

	static final String CLEAR_FIELD = "secret";

	static final String ALGORITHM = "A256GCM";

	/** The development key's name: stored beside what it sealed, so such a secret is recognisable. */
	static final String DEV_KEY_ID = "dev-only-not-secret";

	private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentId;

	private final Map<String, SecretKey> keys = new HashMap<>();

	@Autowired
	WebhookSecrets(WebhookKeySettings settings, Environment environment) {
		this(settings, environment.matchesProfiles("production"));
	}

	WebhookSecrets(WebhookKeySettings settings, boolean production) {
		if (settings.secretKey().isBlank()) {
			if (production) {
				throw new IllegalStateException("reporting.webhooks.secret-key (REPORTING_WEBHOOKS_SECRET_KEY) must "
						+ "be set in profile production: base64 of 32 random bytes, e.g. openssl rand -base64 32 "
						+ "(docs/security.md, \"Webhook secrets at rest\")");
			}
			log.warn("reporting.webhooks.secret-key not set: webhook secrets are sealed with the fixed DEVELOPMENT "
					+ "key '{}', which is not secret (never in production)", DEV_KEY_ID);
			currentId = DEV_KEY_ID;
			keys.put(DEV_KEY_ID, developmentKey());
		}
		else {
			currentId = settings.secretKeyId();
			keys.put(currentId, key("secret-key", settings.secretKey()));
		}
		settings.previousSecretKeys().forEach((id, value) -> {
			if (!id.equals(currentId)) {
				keys.put(id, key("previous-secret-keys." + id, value));
			}
		});
		if (!keys.containsKey(DEV_KEY_ID) && !production) {
			// secrets sealed by a development stack before a real key was set still open (and are sealed again)
			keys.put(DEV_KEY_ID, developmentKey());
		}
	}

	/** The name of the key that seals now. */
	String currentKeyId() {
		return currentId;
	}

	/** The secret of subscription {@code id} sealed with the current key, as stored. */
	Document seal(String id, String secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			Base64.Encoder b64 = Base64.getEncoder();
			return new Document("alg", ALGORITHM).append("key", currentId).append("nonce", b64.encodeToString(nonce))
					.append("ciphertext", b64.encodeToString(sealed));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES/GCM unavailable", e);
		}
	}

	/**
	 * The secret of a stored subscription document: opened from {@code sealedSecret}, or the clear {@code secret}
	 * of a document stored before sealing. Throws {@link Unreadable} when the key is missing or wrong.
	 */
	String open(Document subscription) {
		String id = subscription.getString("_id");
		Document sealed = subscription.get(FIELD, Document.class);
		if (sealed == null) {
			String clear = subscription.getString(CLEAR_FIELD);
			if (clear == null) {
				throw new Unreadable("webhook " + id + " has no secret stored");
			}
			return clear;
		}
		String keyId = sealed.getString("key");
		SecretKey key = keys.get(keyId);
		if (key == null) {
			throw new Unreadable("the secret of webhook " + id + " was sealed with key '" + keyId + "', which is not "
					+ "configured: set reporting.webhooks.previous-secret-keys." + keyId);
		}
		try {
			Base64.Decoder b64 = Base64.getDecoder();
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(sealed.getString("nonce"))));
			cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(b64.decode(sealed.getString("ciphertext"))), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException e) {
			throw new Unreadable("the secret of webhook " + id + " does not open with key '" + keyId + "': the key "
					+ "configured under that name is not the one that sealed it (or the document was altered)");
		}
		catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
			throw new Unreadable("the sealed secret of webhook " + id + " is not readable: " + e.getMessage());
		}
	}

	/** Whether the stored document should be sealed again: clear, or sealed with a key other than the current. */
	boolean needsSealing(Document subscription) {
		Document sealed = subscription.get(FIELD, Document.class);
		return sealed == null ? subscription.getString(CLEAR_FIELD) != null
				: !currentId.equals(sealed.getString("key"));
	}

	private static SecretKey key(String name, String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("reporting.webhooks." + name + " is not base64");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("reporting.webhooks." + name + " must be 32 bytes (256 bits), base64; it "
					+ "is " + bytes.length + " bytes");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/** Derived from a published phrase: the same in every development stack, so never a protection. */
	private static SecretKey developmentKey() {
		try {
			return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(
					"ciclo-performance development webhook key - not secret".getBytes(StandardCharsets.UTF_8)), "AES");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A sealed secret that this service cannot open: the delivery fails with this reason. */
	static final class Unreadable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Unreadable(String message) {
			super(message);
		}
	}
}
