package org.cicloperformance.reportingservice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSettingsTest {

	private static WebhookSettings settings(int maxAttempts, int concurrency, Duration lease) {
		return new WebhookSettings(true, 20, maxAttempts, Duration.ofSeconds(10), Duration.ofMinutes(10), concurrency,
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1), lease, Duration.ofSeconds(10),
				false);
	}

	@ParameterizedTest(name = "after {0} failed attempts wait {1}")
	@CsvSource({ "1, PT10S", "2, PT20S", "3, PT40S", "4, PT1M20S", "5, PT2M40S", "6, PT5M20S", "7, PT10M", "20, PT10M" })
	void theBackOffDoublesUpToItsMaximum(int attempts, Duration wait) {
		assertThat(settings(6, 4, Duration.ofMinutes(2)).backoffAfter(attempts)).isEqualTo(wait);
	}

	@ParameterizedTest
	@CsvSource({ "0, 4, PT2M", "21, 4, PT2M", "6, 0, PT2M", "6, 65, PT2M", "6, 4, PT15S" })
	void settingsOutOfBoundsAreRefusedAtStartUp(int maxAttempts, int concurrency, Duration lease) {
		assertThatThrownBy(() -> settings(maxAttempts, concurrency, lease))
				.isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reporting.webhooks");
	}
}
