package org.cicloperformance.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Persistence slice: the real MongoDB driver against the wire-protocol server. */
@DataMongoTest
@Import(PlanRepository.class)
class PlanRepositoryTest {

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> InProcessInfrastructure.mongoUri("plans-repository"));
	}

	@Autowired
	PlanRepository plans;

	@Test
	void everyStoredWriteIsHandedToTheRelayAndARefusedOneIsNot() {
		var plan = draft("ente-scritture");
		plans.takeWritten();

		plans.insert(plan);
		assertThat(plans.takeWritten()).containsExactly(plan.id());

		assertThat(plans.update(plan.id(), 7, new Update().set("updatedBy", "stale"))).isFalse();
		assertThat(plans.insert(plan)).isFalse();
		assertThat(plans.takeWritten()).isEmpty();

		assertThat(plans.update(plan.id(), 0, new Update().set("updatedBy", "fresh"))).isTrue();
		assertThat(plans.takeWritten()).containsExactly(plan.id());
	}

	@Test
	void storesAndReadsBackAPlanWithExactDecimals() {
		var plan = draft("ente-decimali");
		plans.insert(plan);

		var read = plans.findById(plan.id()).orElseThrow();

		assertThat(read.draft()).isEqualTo(plan.draft());
		assertThat(read.draft().strategicAreas().get(0).value()).isEqualByComparingTo("100");
	}

	@Test
	void refusesASecondPlanWithTheSameId() {
		var plan = draft("ente-doppio");

		assertThat(plans.insert(plan)).isTrue();
		assertThat(plans.insert(plan)).isFalse();
	}

	@Test
	void ofConcurrentWritesFromTheSameRevisionExactlyOneWins() throws Exception {
		var plan = draft("ente-gara");
		plans.insert(plan);
		Callable<Boolean> write = () -> plans.update(plan.id(), 0, new Update().set("updatedBy", Thread.currentThread().getName()));

		var pool = Executors.newFixedThreadPool(8);
		List<Future<Boolean>> outcomes;
		try {
			outcomes = pool.invokeAll(java.util.Collections.nCopies(8, write));
		}
		finally {
			pool.shutdown();
		}

		long winners = outcomes.stream().filter(f -> {
			try {
				return f.get();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).count();
		assertThat(winners).isEqualTo(1);
		assertThat(plans.findById(plan.id()).orElseThrow().revision()).isEqualTo(1);
	}

	@Test
	void removingASentEventLeavesTheOthersAndTheRevision() {
		var now = Instant.now();
		var plan = draft("ente-outbox");
		plans.insert(plan);
		plans.update(plan.id(), 0, new Update().push("outbox", new OutboxEntry("a", OutboxEntry.PLAN_PUBLISHED, 1, now))
			.push("outbox", new OutboxEntry("b", OutboxEntry.PLAN_REVISED, 2, now)));

		plans.removeFromOutbox(plan.id(), "a");

		var read = plans.findById(plan.id()).orElseThrow();
		assertThat(read.outbox()).extracting(OutboxEntry::eventId).containsExactly("b");
		assertThat(read.revision()).isEqualTo(1);
		assertThat(plans.withPendingEvents(10)).contains(plan.id());
	}

	private static Plan draft(String entity) {
		var content = PlanFixtures.samplePlan(entity, 2030);
		var now = Instant.now();
		return new Plan(Plan.idOf(entity, 2030), entity, 2030, PlanStatus.DRAFT, 0, content, List.of(), List.of(), now,
				"test", now, "test");
	}
}
