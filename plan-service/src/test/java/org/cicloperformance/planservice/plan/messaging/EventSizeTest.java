package org.cicloperformance.planservice.plan.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.EventTooLargeException;
import org.cicloperformance.planservice.plan.OutboxEntry;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanStatus;
import org.cicloperformance.planservice.plan.PlanVersion;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** The event size limit is the producer's max.request.size minus the margin, and it holds to the byte. */
class EventSizeTest {

	static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	static final Plan PLAN = new Plan("ente-2030", "ente", 2030, PlanStatus.APPROVED, 1, null,
			List.of(new PlanVersion(1, PlanFixtures.samplePlan("ente", 2030), List.of("fine"),
					new ApprovingAct("Delibera", "1", LocalDate.of(2030, 1, 31)), null, Instant.EPOCH, "p")),
			List.of(), Instant.EPOCH, "p", Instant.EPOCH, "p");

	static final OutboxEntry ENTRY = new OutboxEntry("e-1", OutboxEntry.PLAN_PUBLISHED, 1, Instant.EPOCH);

	@Test
	void anEventExactlyAtTheLimitPassesAndOneByteMoreIsRefused() {
		long size = new EventSize(JSON, 10_000_000, 0).of(PLAN, ENTRY);

		new EventSize(JSON, size + 100, 100).requireSendable(PLAN, ENTRY);
		assertThatThrownBy(() -> new EventSize(JSON, size + 99, 100).requireSendable(PLAN, ENTRY))
			.isInstanceOfSatisfying(EventTooLargeException.class, e -> {
				assertThat(e.size()).isEqualTo(size);
				assertThat(e.limit()).isEqualTo(size - 1);
			});
	}

	@Test
	void theLimitIsDerivedFromTheProducersMaxRequestSize() {
		var settings = new EventSettings(java.time.Duration.ofMillis(500),
				org.springframework.util.unit.DataSize.ofKilobytes(16), java.time.Duration.ofMinutes(1));

		var unset = new EventSize(JSON, new MockEnvironment(), settings);
		var set = new EventSize(JSON, new MockEnvironment().withProperty(EventSize.MAX_REQUEST_SIZE, "200000"), settings);

		assertThat(unset.limit()).isEqualTo(1_048_576 - 16 * 1024);
		assertThat(set.limit()).isEqualTo(200_000 - 16 * 1024);
	}
}
