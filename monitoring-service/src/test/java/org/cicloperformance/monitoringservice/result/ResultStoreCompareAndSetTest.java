package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The compare-and-set on {@code currentVersion} (a flat filter served by a unique index) still guards appends. */
class ResultStoreCompareAndSetTest extends IntegrationTestBase {

	@Autowired
	ResultStore store;

	@Test
	void letsExactlyOneOfEightConcurrentWritersAppendToTheSameVersion() throws Exception {
		String id = firstVersion();
		int writers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		List<Future<Boolean>> appended = new ArrayList<>();
		try {
			for (int i = 0; i < writers; i++) {
				int writer = i;
				appended.add(pool.submit(() -> {
					start.await();
					return store.append(id, 1, version(2, 600 + writer), event(id));
				}));
			}
			start.countDown();
			List<Boolean> outcomes = new ArrayList<>();
			for (Future<Boolean> outcome : appended) {
				outcomes.add(outcome.get());
			}
			assertThat(outcomes).containsOnlyOnce(true);
		}
		finally {
			pool.shutdownNow();
		}
		ResultDocument stored = store.find(id).orElseThrow();
		assertThat(stored.currentVersion()).isEqualTo(2);
		assertThat(stored.versions()).extracting(ResultVersion::version).containsExactly(1, 2);
	}

	@Test
	void refusesToAppendToAStaleVersion() {
		String id = firstVersion();
		assertThat(store.append(id, 1, version(2, 601), event(id))).isTrue();

		assertThat(store.append(id, 1, version(2, 602), event(id))).isFalse();
		assertThat(store.append(id, 3, version(4, 603), event(id))).isFalse();

		ResultDocument stored = store.find(id).orElseThrow();
		assertThat(stored.currentVersion()).isEqualTo(2);
		assertThat(stored.versions()).extracting(v -> v.value().number()).containsExactly(new BigDecimal(600),
				new BigDecimal(601));
	}

	private String firstVersion() {
		String planId = "piano-" + UUID.randomUUID();
		String id = ResultDocument.idOf(planId, "1.1.1", "1", "2018-06-30");
		assertThat(store.insertFirst(new ResultDocument(id, planId, "cciaa-esempio", "1.1.1", "1", "2018-06-30", 1,
				List.of(version(1, 600)), List.of(event(id)), List.of()))).isTrue();
		return id;
	}

	private static ResultVersion version(int version, int number) {
		return new ResultVersion(version, 1, new ResultValue(new BigDecimal(number), null, null, null, null, null,
				null), null, null, null, "ufficio-ri", null, Instant.ofEpochMilli(1_000), UUID.randomUUID().toString(),
				null);
	}

	/** An event the relay will publish on result-events, which other tests read: it has at least its eventId. */
	private static OutboxEntry event(String id) {
		String eventId = UUID.randomUUID().toString();
		return new OutboxEntry(eventId, id.substring(0, id.indexOf('|')), "ResultRecorded",
				"{\"type\":\"ResultRecorded\",\"eventId\":\"" + eventId + "\"}", 1_000);
	}
}
