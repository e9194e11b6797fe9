package org.cicloperformance.reportingservice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The webhooks' secrets sealed with AES-256-GCM: what is stored, keys rotated, a wrong or missing key refused. */
class WebhookSecretsTest {

	private static final String SECRET = "segreto-del-ricevente-di-prova";

	private static final String KEY_A = Base64.getEncoder().encodeToString(bytes(1));

	private static final String KEY_B = Base64.getEncoder().encodeToString(bytes(2));

	private static byte[] bytes(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return key;
	}

	private static WebhookSecrets secrets(String key, String id, Map<String, String> previous) {
		return new WebhookSecrets(new WebhookKeySettings(key, id, previous), false);
	}

	private static Document stored(String id, Document sealed) {
		return new Document("_id", id).append(WebhookSecrets.FIELD, sealed);
	}

	@Test
	void theStoredFormHasNonceCiphertextAndKeyNameButNotTheSecret() {
		WebhookSecrets secrets = secrets(KEY_A, "k1", Map.of());

		Document sealed = secrets.seal("wh_1", SECRET);

		assertThat(sealed.toJson()).doesNotContain(SECRET)
				.doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes()));
		assertThat(sealed.getString("alg")).isEqualTo("A256GCM");
		assertThat(sealed.getString("key")).isEqualTo("k1");
		assertThat(Base64.getDecoder().decode(sealed.getString("nonce"))).hasSize(12);
		assertThat(Base64.getDecoder().decode(sealed.getString("ciphertext"))).hasSize(SECRET.length() + 16);
		assertThat(secrets.open(stored("wh_1", sealed))).isEqualTo(SECRET);
		assertThat(secrets.seal("wh_1", SECRET).getString("nonce")).as("a fresh nonce per seal")
				.isNotEqualTo(sealed.getString("nonce"));
	}

	@Test
	void aSealedSecretCopiedOntoAnotherSubscriptionDoesNotOpen() {
		WebhookSecrets secrets = secrets(KEY_A, "k1", Map.of());

		Document sealed = secrets.seal("wh_1", SECRET);

		assertThatThrownBy(() -> secrets.open(stored("wh_2", sealed))).isInstanceOf(WebhookSecrets.Unreadable.class)
				.hasMessageContaining("wh_2");
	}

	@Test
	void aWrongKeyUnderTheSameNameFailsClearly() {
		Document sealed = secrets(KEY_A, "k1", Map.of()).seal("wh_1", SECRET);

		assertThatThrownBy(() -> secrets(KEY_B, "k1", Map.of()).open(stored("wh_1", sealed)))
				.isInstanceOf(WebhookSecrets.Unreadable.class)
				.hasMessage("the secret of webhook wh_1 does not open with key 'k1': the key configured under that "
						+ "name is not the one that sealed it (or the document was altered)");
	}

	@Test
	void aKeyNoLongerConfiguredIsNamedInTheError() {
		Document sealed = secrets(KEY_A, "k1", Map.of()).seal("wh_1", SECRET);

		assertThatThrownBy(() -> secrets(KEY_B, "k2", Map.of()).open(stored("wh_1", sealed)))
				.isInstanceOf(WebhookSecrets.Unreadable.class)
				.hasMessageContaining("sealed with key 'k1', which is not configured")
				.hasMessageContaining("reporting.webhooks.previous-secret-keys.k1");
	}

	@Test
	void afterRotationTheOldKeyStillOpensAndTheSecretIsToBeSealedAgain() {
		Document sealedWithK1 = stored("wh_1", secrets(KEY_A, "k1", Map.of()).seal("wh_1", SECRET));
		WebhookSecrets rotated = secrets(KEY_B, "k2", Map.of("k1", KEY_A));

		assertThat(rotated.open(sealedWithK1)).isEqualTo(SECRET);
		assertThat(rotated.needsSealing(sealedWithK1)).isTrue();
		assertThat(rotated.needsSealing(stored("wh_1", rotated.seal("wh_1", SECRET)))).isFalse();
	}

	@Test
	void aSecretStoredInClearBeforeSealingIsStillReadAndToBeSealed() {
		Document legacy = new Document("_id", "wh_1").append(WebhookSecrets.CLEAR_FIELD, SECRET);
		WebhookSecrets secrets = secrets(KEY_A, "k1", Map.of());

		assertThat(secrets.open(legacy)).isEqualTo(SECRET);
		assertThat(secrets.needsSealing(legacy)).isTrue();
	}

	@Test
	void withoutAKeyTheDevelopmentKeyIsUsedAndNamedSoButProductionRefusesToStart() {
		WebhookSecrets development = secrets("", "k1", Map.of());

		assertThat(development.currentKeyId()).isEqualTo("dev-only-not-secret");
		assertThat(development.seal("wh_1", SECRET).getString("key")).isEqualTo("dev-only-not-secret");

		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("production");
		assertThatThrownBy(() -> new WebhookSecrets(new WebhookKeySettings("", "k1", Map.of()), production))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("reporting.webhooks.secret-key (REPORTING_WEBHOOKS_SECRET_KEY) must be set in "
						+ "profile production");
		assertThat(new WebhookSecrets(new WebhookKeySettings(KEY_A, "k1", Map.of()), production).currentKeyId())
				.isEqualTo("k1");
	}

	@Test
	void aKeyThatIsNot256BitsOfBase64IsRefusedAtStartUp() {
		assertThatThrownBy(() -> secrets(Base64.getEncoder().encodeToString(new byte[16]), "k1", Map.of()))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("must be 32 bytes (256 bits)");
		assertThatThrownBy(() -> secrets("not base64!", "k1", Map.of())).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("is not base64");
	}
}
