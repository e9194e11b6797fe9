package org.cicloperformance.reportingservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Tags fed by input cannot mint new time series. */
class MetricTagBoundsTest {

	@Test
	void anInventedEventTypeIsCountedAsOther() {
		var meters = new SimpleMeterRegistry();
		meters.config().meterFilter(new MetricTagBounds().boundedTagValues());

		for (int i = 0; i < 100; i++) {
			meters.counter("events.consumed", "type", "Invented" + i, "outcome", "scored").increment();
		}
		meters.counter("events.consumed", "type", "ResultRecorded", "outcome", "scored").increment();

		assertThat(meters.find("events.consumed").counters()).hasSize(2);
		assertThat(meters.get("events.consumed").tags("type", "other").counter().count()).isEqualTo(100);
		assertThat(meters.get("events.consumed").tags("type", "ResultRecorded").counter().count()).isEqualTo(1);
	}

	@Test
	void otherInputFedTagsKeepOnlyShortCodes() {
		assertThat(MetricTagBounds.bound("reason", "checkpoint-closed")).isEqualTo("checkpoint-closed");
		assertThat(MetricTagBounds.bound("reason", "<script>alert(1)</script>")).isEqualTo("other");
		assertThat(MetricTagBounds.bound("reason", "x".repeat(100))).isEqualTo("other");
		assertThat(MetricTagBounds.bound("application", "Plan Service")).isEqualTo("Plan Service");
	}
}
