package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.security.Actor;
import org.cicloperformance.monitoringservice.security.Role;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch written with one bulk write: several items for the same indicator get consecutive versions in request
 * order, a retry with the same request id goes on from what an earlier attempt wrote, the answers are those of the
 * item-by-item write, and concurrent batches that lose races fall back without gaps or losses.
 */
class BatchWriteTest extends IntegrationTestBase {

	static final Actor OFFICE = new Actor("ufficio-anagrafe", "cciaa-esempio", Set.of(Role.AREA_OFFICE),
			Set.of("ANA"), null);

	@Autowired
	RecordingResults recording;

	@Autowired
	ResultStore store;

	@Autowired
	PlanVersionStore plans;

	String planId;

	@BeforeEach
	void knowTheSamplePlan() {
		planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
	}

	@Test
	void numbersItemsForTheSameIndicatorConsecutivelyInRequestOrder() {
		List<RecordedResult> first = recording.recordBatch(OFFICE, List.of(count("1", 480), count("3", 70),
				count("1", 490), count("1", 500)), null);

		assertThat(first).extracting(RecordedResult::indicator, RecordedResult::version).containsExactly(
				org.assertj.core.groups.Tuple.tuple("1", 1), org.assertj.core.groups.Tuple.tuple("3", 1),
				org.assertj.core.groups.Tuple.tuple("1", 2), org.assertj.core.groups.Tuple.tuple("1", 3));
		// recorded (and their events created) in request order, across documents too
		assertThat(first).extracting(RecordedResult::recordedAt).isSorted();
		List<RecordedResult> second = recording.recordBatch(OFFICE, List.of(count("1", 510), count("1", 520)), null);
		assertThat(second).extracting(RecordedResult::version).containsExactly(4, 5);

		ResultDocument stored = store.find(id("1")).orElseThrow();
		assertThat(stored.currentVersion()).isEqualTo(5);
		assertThat(stored.versions()).extracting(ResultVersion::version).containsExactly(1, 2, 3, 4, 5);
		assertThat(stored.versions()).extracting(v -> v.value().number().intValue()).containsExactly(480, 490, 500,
				510, 520);
		assertThat(stored.versions()).extracting(ResultVersion::eventId).containsExactlyElementsOf(
				List.of(first.get(0), first.get(2), first.get(3), second.get(0), second.get(1)).stream()
						.map(RecordedResult::eventId).toList());
		assertThat(stored.versions()).extracting(ResultVersion::recordedAt).isSorted();
		// the events wait in the document in the order of its versions (the relay may have sent some already)
		List<String> events = stored.outbox().stream().map(OutboxEntry::eventId).toList();
		assertThat(stored.versions().stream().map(ResultVersion::eventId).filter(events::contains).toList())
				.isEqualTo(events);
	}

	@Test
	void goesOnFromWhatAnEarlierAttemptOfTheSameRequestWrote() {
		String requestId = "entity:user:" + UUID.randomUUID();
		// as a first attempt that failed after item 0: it wrote that item only, marked requestId#0
		RecordedResult written = recording.recordBatch(OFFICE, List.of(count("1", 480)), requestId).get(0);

		List<ResultRequest> batch = List.of(count("1", 480), count("3", 70), count("1", 490));
		List<RecordedResult> retried = recording.recordBatch(OFFICE, batch, requestId);

		assertThat(retried.get(0)).isEqualTo(written);
		assertThat(retried).extracting(RecordedResult::version).containsExactly(1, 1, 2);
		assertThat(store.find(id("1")).orElseThrow().versions()).extracting(ResultVersion::requestId)
				.containsExactly(requestId + "#0", requestId + "#2");
		assertThat(recording.recordBatch(OFFICE, batch, requestId)).isEqualTo(retried);
		assertThat(store.find(id("1")).orElseThrow().currentVersion()).isEqualTo(2);
		assertThat(store.find(id("3")).orElseThrow().currentVersion()).isEqualTo(1);
	}

	@Test
	void answersWithTheAttachedFilesOnlyWhenTheRequestHasAnId() {
		recording.recordBatch(OFFICE, List.of(count("1", 480)), null);
		AttachedEvidence file = new AttachedEvidence(UUID.randomUUID().toString(), 1, "verbale.pdf",
				"application/pdf", 10, "ab".repeat(32), null, "ufficio-anagrafe", Instant.ofEpochMilli(1_000));
		String eventId = UUID.randomUUID().toString();
		assertThat(store.attach(id("1"), 1, file, new OutboxEntry(eventId, planId, "EvidenceAttached",
				"{\"type\":\"EvidenceAttached\",\"eventId\":\"" + eventId + "\"}", 1_000))).isTrue();

		RecordedResult withId = recording.recordBatch(OFFICE, List.of(count("1", 490), count("1", 500)),
				"entity:user:" + UUID.randomUUID()).get(1);
		RecordedResult withoutId = recording.recordBatch(OFFICE, List.of(count("1", 510)), null).get(0);

		assertThat(withId.version()).isEqualTo(3);
		assertThat(withId.evidenceFiles()).containsExactly(file);
		assertThat(withoutId.version()).isEqualTo(4);
		assertThat(withoutId.evidenceFiles()).isEmpty();
	}

	@Test
	void numbersConcurrentBatchesWithoutGapsOrLosses() throws Exception {
		int writers = 6;
		int perBatch = 10;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		List<Future<List<RecordedResult>>> answers = new ArrayList<>();
		try {
			for (int w = 0; w < writers; w++) {
				List<ResultRequest> batch = new ArrayList<>();
				for (int i = 0; i < perBatch; i++) {
					batch.add(count(i % 2 == 0 ? "1" : "3", 10 * w + i));
				}
				answers.add(pool.submit(() -> {
					start.await();
					return recording.recordBatch(OFFICE, batch, null);
				}));
			}
			start.countDown();
			for (Future<List<RecordedResult>> answer : answers) {
				// each batch's items for one indicator keep their order among themselves
				List<RecordedResult> batch = answer.get();
				assertThat(batch.stream().filter(r -> r.indicator().equals("1")).map(RecordedResult::version)
						.toList()).isSorted();
				assertThat(batch.stream().filter(r -> r.indicator().equals("3")).map(RecordedResult::version)
						.toList()).isSorted();
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (String indicator : List.of("1", "3")) {
			ResultDocument stored = store.find(id(indicator)).orElseThrow();
			int expected = writers * perBatch / 2;
			assertThat(stored.currentVersion()).isEqualTo(expected);
			assertThat(stored.versions()).extracting(ResultVersion::version)
					.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, expected).boxed().toList());
			assertThat(stored.versions()).extracting(ResultVersion::eventId).doesNotHaveDuplicates();
		}
	}

	private ResultRequest count(String indicator, int number) {
		return new ResultRequest(planId, "1.1.1", indicator, "2018-06-30",
				new ResultValue(new BigDecimal(number), null, null, null, null, null, null), "Breve descrizione",
				List.of("report.pdf"), null, null);
	}

	private String id(String indicator) {
		return ResultDocument.idOf(planId, "1.1.1", indicator, "2018-06-30");
	}
}
