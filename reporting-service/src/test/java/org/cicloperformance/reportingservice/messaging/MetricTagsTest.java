package org.cicloperformance.reportingservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An event's {@code type} becomes a metric tag only from a fixed set: a producer cannot add time series. */
class MetricTagsTest {

	@Test
	void knownTypesAreTheirOwnTagAndAnythingElseIsOther() {
		assertThat(EventConsumers.tag("ResultRecorded")).isEqualTo("ResultRecorded");
		assertThat(EventConsumers.tag("CheckpointClosed")).isEqualTo("CheckpointClosed");
		assertThat(EventConsumers.tag("PlanEvent")).isEqualTo("PlanEvent");
		assertThat(EventConsumers.tag("Result" + "Recorded-" + System.nanoTime())).isEqualTo("other");
		assertThat(EventConsumers.tag("")).isEqualTo("other");
		assertThat(EventConsumers.tag(null)).isEqualTo("other");
	}
}
