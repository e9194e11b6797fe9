package org.cicloperformance.reportingservice.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.webhooks.*}: the delivery of webhooks (docs/monitoring.md, "Webhooks"). The defaults are stated
 * here only; the bounds keep a wrong setting from turning the dispatcher into a flood or a stall.
 *
 * @param maxSubscriptions active subscriptions per entity
 * @param maxAttempts attempts of one delivery before it becomes a dead letter
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param concurrency deliveries in flight at once in this instance (threads of the dispatcher)
 * @param connectTimeout to open the connection to the receiver
 * @param requestTimeout for the whole exchange, answer included
 * @param pollInterval how often the dispatcher looks for due deliveries
 * @param lease how long a claimed delivery belongs to its instance before another may take it over
 * @param subscriptionsRefresh how old this instance's copy of the subscriptions may be (those registered on
 *        another replica)
 * @param allowPrivateAddresses whether receivers on loopback, private, link-local addresses are accepted (off in
 *        production: server-side request forgery)
 */
@ConfigurationProperties(WebhookSettings.PREFIX)
record WebhookSettings(@DefaultValue("true") boolean enabled, @DefaultValue("20") int maxSubscriptions,
		@DefaultValue("6") int maxAttempts, @DefaultValue("10s") Duration initialBackoff,
		@DefaultValue("10m") Duration maxBackoff, @DefaultValue("4") int concurrency,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("2m") Duration lease,
		@DefaultValue("10s") Duration subscriptionsRefresh, @DefaultValue("false") boolean allowPrivateAddresses) {

	static final String PREFIX = "reporting.webhooks";

	/** The bean's name as Boot registers a scanned settings record: prefix, dash, class name. */
	static final String BEAN = PREFIX + "-org.cicloperformance.reportingservice.webhook.WebhookSettings";

	WebhookSettings {
		require(maxSubscriptions >= 1 && maxSubscriptions <= 1000, "max-subscriptions must be 1-1000");
		require(maxAttempts >= 1 && maxAttempts <= 20, "max-attempts must be 1-20");
		require(concurrency >= 1 && concurrency <= 64, "concurrency must be 1-64");
		require(positive(initialBackoff) && positive(maxBackoff) && positive(connectTimeout)
				&& positive(requestTimeout) && positive(pollInterval) && positive(lease)
				&& positive(subscriptionsRefresh), "durations must be positive");
		require(lease.compareTo(requestTimeout.plus(connectTimeout)) > 0,
				"lease must outlast connect-timeout + request-timeout");
	}

	/** The wait after {@code attempts} failed attempts: initial × 2^(attempts−1), at most {@code maxBackoff}. */
	Duration backoffAfter(int attempts) {
		Duration wait = initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}

	private static boolean positive(Duration d) {
		return d != null && !d.isNegative() && !d.isZero();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(PREFIX + ": " + message);
		}
	}
}
