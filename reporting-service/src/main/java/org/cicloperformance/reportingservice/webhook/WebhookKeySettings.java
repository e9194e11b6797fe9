package org.cicloperformance.reportingservice.webhook;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.webhooks.secret-key*}: the key that seals the webhooks' secrets at rest (AES-256-GCM,
 * {@link WebhookSecrets}), beside the delivery settings of {@link WebhookSettings}.
 *
 * @param secretKey base64 of 32 random bytes ({@code REPORTING_WEBHOOKS_SECRET_KEY}; {@code openssl rand -base64 32});
 *        empty: the fixed development key, refused in profile {@code production}
 * @param secretKeyId the name of that key, stored beside each sealed secret so that keys can be rotated
 * @param previousSecretKeys earlier keys by name (base64), kept to open the secrets they sealed: each is sealed
 *        again with the current key when next read
 */
@ConfigurationProperties("reporting.webhooks")
record WebhookKeySettings(@DefaultValue("") String secretKey, @DefaultValue("k1") String secretKeyId,
		Map<String, String> previousSecretKeys) {

	WebhookKeySettings {
		previousSecretKeys = previousSecretKeys == null ? Map.of() : Map.copyOf(previousSecretKeys);
	}
}
