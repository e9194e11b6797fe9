package org.cicloperformance.monitoringservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The defaults are stated once, in the record; the environment variables are Boot's relaxed names. */
class OutboxSettingsTest {

	private static OutboxSettings bind(Map<String, Object> environment) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("monitoring.outbox",
				OutboxSettings.class);
	}

	@Test
	void defaultsWhenNothingIsSet() {
		OutboxSettings settings = bind(Map.of());
		assertThat(settings.relayDelayMs()).isEqualTo(200);
		assertThat(settings.ackTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.markInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.deadAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.recoveryGrace()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void readsTheDocumentedEnvironmentVariables() {
		OutboxSettings settings = bind(Map.of("MONITORING_OUTBOX_RELAYDELAYMS", "50",
				"MONITORING_OUTBOX_DEADAFTER", "PT5M", "MONITORING_OUTBOX_MARKINTERVAL", "PT2S"));
		assertThat(settings.relayDelayMs()).isEqualTo(50);
		assertThat(settings.deadAfter()).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.markInterval()).isEqualTo(Duration.ofSeconds(2));
	}
}
