package org.cicloperformance.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A newcomer's stack is reachable from this machine only; opening it is one documented setting. */
class SettingsBindTest {

	@Test
	void byDefaultEveryPartListensOnTheLoopbackInterfaceOnly() {
		var settings = Settings.from(Map.of(), Path.of("."));

		assertThat(settings.bind()).isEqualTo("127.0.0.1");
	}

	@Test
	void stackBindOpensTheStackToTheNetwork() {
		var settings = Settings.from(Map.of("STACK_BIND", "0.0.0.0"), Path.of("."));

		assertThat(settings.bind()).isEqualTo("0.0.0.0");
		assertThat(settings.kafkaBrokers()).startsWith("127.0.0.1:");
	}
}
