package org.cicloperformance.reportingservice.hr.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The relay's interval: 500 ms unless the environment says otherwise, under the variable name deploy/ uses. */
class HrFeedRelaySettingsTest {

	@Test
	void theIntervalIsHalfASecondByDefault() {
		assertThat(bind(Map.of()).relayInterval()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void theEnvironmentVariableStillSetsIt() {
		assertThat(bind(Map.of("REPORTING_HR_FEED_RELAY_INTERVAL", "2s")).relayInterval())
				.isEqualTo(Duration.ofSeconds(2));
	}

	private static HrFeedRelaySettings bind(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
		return new Binder(ConfigurationPropertySources.get(environment))
				.bindOrCreate(HrFeedRelaySettings.PREFIX, HrFeedRelaySettings.class);
	}
}
