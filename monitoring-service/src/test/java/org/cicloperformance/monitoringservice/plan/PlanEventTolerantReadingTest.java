package org.cicloperformance.monitoringservice.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.Test;

/** This service's tolerant records read the producer's golden samples (plan-service's contract folder). */
class PlanEventTolerantReadingTest {

	private final PlanEventsConsumer consumer = new PlanEventsConsumer();

	@Test
	void readsThePlanPublishedGoldenSample() {
		PlanEvent event = consumer.parse(SamplePlans.published("cciaa-esempio-2018").getBytes(StandardCharsets.UTF_8));
		assertThat(event.type()).isEqualTo("PlanPublished");
		assertThat(event.version()).isEqualTo(1);
		assertThat(event.plan().checkpoints()).extracting(PlanSnapshot.CheckpointDef::id)
				.containsExactly("2018-06-30", "2018-12-31");
		PlanSnapshot.IndicatorDef compound = event.plan().objective("1.1.1").orElseThrow().indicator("2").orElseThrow();
		assertThat(compound.measureKind()).isEqualTo(MeasureKind.COMPOUND);
		assertThat(compound.target("2018-06-30").orElseThrow().components())
				.containsEntry("posizioni", new BigDecimal("6000"));
	}

	@Test
	void readsThePlanRevisedGoldenSample() {
		PlanEvent event = consumer.parse(SamplePlans.revised("cciaa-esempio-2018").getBytes(StandardCharsets.UTF_8));
		assertThat(event.type()).isEqualTo("PlanRevised");
		assertThat(event.version()).isEqualTo(2);
		assertThat(event.appliesTo()).containsExactly("2018-12-31");
		assertThat(event.plan().objective("1.1.2").orElseThrow().indicator("4")).isPresent();
	}

	@Test
	void ignoresUnknownFieldsAndUnknownMeasureKinds() {
		String json = SamplePlans.published("p").replace("\"type\": \"PlanPublished\",",
				"\"type\": \"PlanPublished\", \"futureField\": {\"x\": 1},").replace("\"BOOLEAN\"", "\"FUZZY\"");
		PlanEvent event = consumer.parse(json.getBytes(StandardCharsets.UTF_8));
		assertThat(event.plan().objective("1.1.2").orElseThrow().indicator("2").orElseThrow().measureKind()).isNull();
	}

	@Test
	void rejectsUnreadableOrIncompleteEvents() {
		assertThatThrownBy(() -> consumer.parse("{not json".getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(PlanEventsConsumer.InvalidPlanEventException.class);
		assertThatThrownBy(() -> consumer.parse("{\"version\": 1, \"plan\": {}}".getBytes(StandardCharsets.UTF_8)))
				.hasMessageContaining("planId");
		assertThatThrownBy(() -> consumer.parse("{\"planId\": \"p\", \"plan\": {}}".getBytes(StandardCharsets.UTF_8)))
				.hasMessageContaining("version");
	}
}
