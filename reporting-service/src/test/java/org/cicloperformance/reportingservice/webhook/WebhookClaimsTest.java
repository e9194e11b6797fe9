package org.cicloperformance.reportingservice.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The queue as two replicas see it: two stores over one database of their own (the service's dispatcher does not
 * see it), claiming at once. Every claim and outcome is one single-document update guarded by state and claim.
 */
class WebhookClaimsTest extends IntegrationTest {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	@Autowired
	private MongoClient client;

	private MongoTemplate database;

	private WebhookDeliveries one;

	private WebhookDeliveries two;

	@BeforeEach
	void twoReplicasOverOneDatabase() {
		database = new MongoTemplate(client, "webhook-claims-" + System.nanoTime());
		one = new WebhookDeliveries(database);
		two = new WebhookDeliveries(database);
	}

	private void queue(int count) {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			documents.add(WebhookDeliveries.pending("wh_a", "ente", "event-" + i, "ResultRecorded", "piano", "{}",
					NOW.minusSeconds(count - i)));
		}
		one.enqueue(documents);
	}

	@Test
	void eachDeliveryIsClaimedByExactlyOneReplica() throws Exception {
		queue(60);
		ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		for (int t = 0; t < 8; t++) {
			WebhookDeliveries replica = t % 2 == 0 ? one : two;
			String name = "replica-" + (t % 2) + "-thread-" + t;
			threads.execute(() -> {
				try {
					start.await();
					Optional<WebhookDeliveries.Claimed> next;
					int n = 0;
					while ((next = replica.claim(name + "-" + n++, NOW, NOW.plusSeconds(60), 3)).isPresent()) {
						claimed.add(next.get().delivery().id());
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
		}
		start.countDown();
		threads.shutdown();
		assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
		assertThat(one.claim("late", NOW, NOW.plusSeconds(60), 3)).isEmpty();
	}

	@Test
	void aClaimWhoseLeaseRanOutIsTakenOverAndTheFirstOutcomeNoLongerApplies() {
		queue(1);
		WebhookDeliveries.Claimed first = one.claim("first", NOW, NOW.plusSeconds(60), 3).orElseThrow();
		assertThat(two.claim("second", NOW.plusSeconds(30), NOW.plusSeconds(90), 3)).as("lease still running").isEmpty();

		WebhookDeliveries.Claimed second = two.claim("second", NOW.plusSeconds(61), NOW.plusSeconds(121), 3)
				.orElseThrow();
		assertThat(second.delivery().attempts()).isEqualTo(2);
		one.delivered(first, new Delivery.Attempt(1, NOW.plusSeconds(62), 200, null, 5));
		assertThat(state()).isEqualTo("SENDING");

		two.failed(second, new Delivery.Attempt(2, NOW.plusSeconds(63), 500, "http-500", 5), NOW.plusSeconds(70));
		assertThat(state()).isEqualTo("PENDING");
		assertThat(two.claim("third", NOW.plusSeconds(69), NOW.plusSeconds(129), 3)).as("not due yet").isEmpty();
		WebhookDeliveries.Claimed third = one.claim("third", NOW.plusSeconds(70), NOW.plusSeconds(130), 3)
				.orElseThrow();
		one.failed(third, new Delivery.Attempt(3, NOW.plusSeconds(71), 500, "http-500", 5), null);
		assertThat(state()).isEqualTo("DEAD");
		assertThat(one.list("ente", null, "DEAD", 10)).singleElement()
				.satisfies(d -> assertThat(d.log()).extracting(Delivery.Attempt::attempt).containsExactly(2, 3));
	}

	@Test
	void aReplicaThatDiedDuringTheLastAttemptLeavesADeadLetter() {
		queue(1);
		WebhookDeliveries.Claimed only = one.claim("only", NOW, NOW.plusSeconds(60), 1).orElseThrow();

		assertThat(two.claim("other", NOW.plusSeconds(61), NOW.plusSeconds(121), 1)).isEmpty();

		assertThat(state()).isEqualTo("DEAD");
		assertThat(one.list("ente", null, "DEAD", 10)).singleElement()
				.satisfies(d -> assertThat(d.lastError()).isEqualTo("lease-expired"));
		assertThat(only.delivery().attempts()).isEqualTo(1);
	}

	@Test
	void theSameEventQueuedTwiceIsOneDelivery() {
		queue(3);
		queue(3);

		assertThat(one.list("ente", null, null, 50)).hasSize(3);
	}

	private String state() {
		return database.getCollection(WebhookDeliveries.COLLECTION).find().first().getString("state");
	}
}
