package org.cicloperformance.monitoringservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.cicloperformance.monitoringservice.outbox.RelayFixture.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay on mongo-java-server (a database of its own) against a broker whose acknowledgements the test gives:
 * what it sends, in which order, what it keeps for the next round, and that it neither reads nor rewrites the
 * documents whose events the writes handed it.
 */
class OutboxRelayTest {

	private final RelayFixture fixture = new RelayFixture();

	private final ControlledBroker broker = new ControlledBroker();

	private final Map<String, String> parked = new ConcurrentHashMap<>();

	private final Instance process = fixture.process(broker, (binding, entry, reason) -> parked.put(entry.eventId(),
			reason), Duration.ofMinutes(1));

	private final ExecutorService background = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() {
		process.relay.stop();
		background.shutdownNow();
		fixture.close();
	}

	@Test
	void sendsABurstWithoutWaitingAndCountsEachEventRelayedOnlyOnceAcknowledged() throws Exception {
		List<OutboxEntry> written = burst(5, 4, 3);
		Future<Boolean> round = background.submit(process.relay::roundNow);

		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == written.size());
		assertThat(round).isNotDone();
		assertThat(backlog()).isEqualTo(written.size());

		broker.acknowledge(e -> true);
		assertThat(round.get()).isTrue();
		assertThat(backlog()).isZero();
	}

	@Test
	void refusesNewWritesWhileItHoldsItsLimitOfUnacknowledgedEventsAndAcceptsThemOnceTheBrokerCatchesUp()
			throws Exception {
		broker.down = true;
		Instance bounded = fixture.process(broker, 3);
		for (int i = 0; i < 2; i++) {
			bounded.write("doc-" + i, "piano-a");
		}
		assertThat(bounded.relay.roundNow()).isFalse();
		bounded.write("doc-2", "piano-a");

		assertThatThrownBy(() -> bounded.write("doc-3", "piano-a")).isInstanceOf(OutboxFullException.class)
				.hasMessageContaining("3 events");
		assertThat(fixture.storedEventIds("doc-3")).as("nothing of the refused write stored").isEmpty();
		assertThat(bounded.queue.backlog()).isEqualTo(3);

		broker.down = false;
		broker.acknowledgeAtOnce = true;
		assertThat(bounded.relay.roundNow()).isTrue();
		bounded.write("doc-3", "piano-a");
		assertThat(bounded.relay.roundNow()).isTrue();
		assertThat(broker.acknowledged()).hasSize(4);
		assertThat(bounded.queue.backlog()).isZero();
	}

	@Test
	void neitherReadsNorRewritesTheDocumentsWhoseEventsItWasHanded() throws Exception {
		List<OutboxEntry> written = burst(5, 4, 3);
		fixture.commands.clear();
		broker.acknowledgeAtOnce = true;

		assertThat(process.relay.roundNow()).isTrue();
		process.relay.saveMark();

		assertThat(broker.sent()).hasSize(written.size());
		System.out.printf("MongoDB commands of the relay for %d events of 20 documents: %s%n", written.size(),
				fixture.commands);
		assertThat(fixture.onResults()).isEmpty();
		assertThat(fixture.commands).containsOnly("update outbox_marks");
		// the events stay where they were written, the durable record
		assertThat(fixture.storedEventIds("doc-0-0")).hasSize(3);
	}

	@Test
	void sendsTheEventsOfEachPlanInTheOrderTheyWereWritten() throws Exception {
		List<OutboxEntry> written = burst(5, 4, 3);
		Future<Boolean> round = background.submit(process.relay::roundNow);
		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == written.size());
		broker.acknowledge(e -> true);
		round.get();

		for (int plan = 0; plan < 5; plan++) {
			String key = "piano-" + plan;
			assertThat(broker.sent()).filteredOn(e -> e.key().equals(key))
					.containsExactlyElementsOf(written.stream().filter(e -> e.key().equals(key)).toList());
		}
	}

	@Test
	void keepsAnEventNotAcknowledgedAndEveryLaterEventOfItsPlanForTheNextRound() throws Exception {
		List<OutboxEntry> written = burst(3, 2, 2);
		OutboxEntry refused = written.stream().filter(e -> e.key().equals("piano-1")).toList().get(1);
		Future<Boolean> round = background.submit(process.relay::roundNow);
		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == written.size());
		broker.fail(e -> e == refused);
		broker.acknowledge(e -> true);

		assertThat(round.get()).isFalse();
		List<OutboxEntry> ofPlan1 = written.stream().filter(e -> e.key().equals("piano-1")).toList();
		assertThat(backlog()).isEqualTo(ofPlan1.size() - 1);

		broker.clear();
		Future<Boolean> retry = background.submit(process.relay::roundNow);
		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == ofPlan1.size() - 1);
		assertThat(broker.sent()).containsExactlyElementsOf(ofPlan1.subList(1, ofPlan1.size()));
		broker.acknowledge(e -> true);
		assertThat(retry.get()).isTrue();
		assertThat(backlog()).isZero();
	}

	@Test
	void parksAnEventKafkaRefusesForGoodAndRelaysEveryOtherEventOfItsPlan() throws Exception {
		List<OutboxEntry> written = burst(3, 2, 2);
		OutboxEntry tooLarge = written.stream().filter(e -> e.key().equals("piano-1")).toList().get(0);
		Future<Boolean> round = background.submit(process.relay::roundNow);
		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == written.size());
		broker.failForGood(e -> e == tooLarge);
		broker.acknowledge(e -> true);

		assertThat(round.get()).isTrue();
		assertThat(parked).containsExactly(Map.entry(tooLarge.eventId(), "record-too-large"));
		assertThat(broker.sent()).containsExactlyInAnyOrderElementsOf(written);
		assertThat(backlog()).isZero();
	}

	@Test
	void keepsAnEventWhoseParkingFailsForTheNextRound() throws Exception {
		Instance failingParking = fixture.process(broker, (binding, entry, reason) -> {
			throw new IllegalStateException("store down");
		}, Duration.ofMinutes(1));
		List<OutboxEntry> written = List.of(failingParking.write("doc-x", "piano-x"),
				failingParking.write("doc-x", "piano-x"));
		Future<Boolean> round = background.submit(failingParking.relay::roundNow);
		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == written.size());
		broker.failForGood(e -> e == written.get(0));
		broker.acknowledge(e -> true);

		assertThat(round.get()).isFalse();
		assertThat(failingParking.backlog()).isEqualTo(2);
	}

	@Test
	void stopsSendingAtTheFirstFailureWhileTheBrokerIsDownAndDeliversEverythingInOrderOnceItIsBack() {
		broker.down = true;
		process.relay.start();
		List<OutboxEntry> written = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			for (int plan = 0; plan < 3; plan++) {
				written.add(process.write("doc-" + plan + "-" + (i % 2), "piano-" + plan));
			}
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(backlog()).isEqualTo(written.size());
			assertThat(process.meters.get("monitoring.outbox.oldest.age").gauge().value()).isGreaterThan(0);
		});
		assertThat(broker.acknowledged()).isEmpty();

		broker.acknowledgeAtOnce = true;
		broker.down = false;

		await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
		for (int plan = 0; plan < 3; plan++) {
			String key = "piano-" + plan;
			assertThat(broker.acknowledged()).filteredOn(e -> e.key().equals(key))
					.containsExactlyElementsOf(written.stream().filter(e -> e.key().equals(key)).toList());
		}
	}

	private double backlog() {
		return process.backlog();
	}

	/** {@code plans} plans, each with {@code documents} documents of {@code events} events, interleaved in time. */
	private List<OutboxEntry> burst(int plans, int documents, int events) {
		List<OutboxEntry> written = new ArrayList<>();
		for (int e = 0; e < events; e++) {
			for (int d = 0; d < documents; d++) {
				for (int p = 0; p < plans; p++) {
					written.add(process.write("doc-" + p + "-" + d, "piano-" + p));
				}
			}
		}
		return written;
	}

	/** Answers each send when the test says so (or at once); when down, fails every send at once. */
	static class ControlledBroker implements EventSender {

		private final List<OutboxEntry> sent = new CopyOnWriteArrayList<>();

		private final List<OutboxEntry> acknowledged = new CopyOnWriteArrayList<>();

		private final Map<OutboxEntry, CompletableFuture<Void>> answers = new ConcurrentHashMap<>();

		volatile boolean down;

		volatile boolean acknowledgeAtOnce;

		@Override
		public CompletableFuture<Void> send(String binding, OutboxEntry entry) {
			sent.add(entry);
			if (down) {
				return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
			}
			if (acknowledgeAtOnce) {
				acknowledged.add(entry);
				return CompletableFuture.completedFuture(null);
			}
			return answers.computeIfAbsent(entry, e -> new CompletableFuture<>());
		}

		List<OutboxEntry> sent() {
			return List.copyOf(sent);
		}

		List<OutboxEntry> acknowledged() {
			return List.copyOf(acknowledged);
		}

		void acknowledge(Predicate<OutboxEntry> which) {
			answers.forEach((entry, answer) -> {
				if (which.test(entry) && answer.complete(null)) {
					acknowledged.add(entry);
				}
			});
		}

		void fail(Predicate<OutboxEntry> which) {
			answers.forEach((entry, answer) -> {
				if (which.test(entry)) {
					answer.completeExceptionally(new IllegalStateException("not acknowledged"));
				}
			});
		}

		/** As the producer answers a record larger than max.request.size. */
		void failForGood(Predicate<OutboxEntry> which) {
			answers.forEach((entry, answer) -> {
				if (which.test(entry)) {
					answer.completeExceptionally(
							new org.apache.kafka.common.errors.RecordTooLargeException("record too large"));
				}
			});
		}

		void clear() {
			sent.clear();
			answers.clear();
		}
	}
}
