package org.cicloperformance.monitoringservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay against an in-memory outbox and a broker whose acknowledgements the test gives. */
class OutboxRelayTest {

	private final InMemoryOutbox outbox = new InMemoryOutbox();

	private final ControlledBroker broker = new ControlledBroker();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final OutboxQueue queue = new OutboxQueue(Clock.systemUTC());

	private final Map<String, String> parked = new java.util.concurrent.ConcurrentHashMap<>();

	private final OutboxRelay relay = new OutboxRelay(List.of(outbox), queue, broker,
			(binding, entry, reason) -> parked.put(entry.eventId(), reason), Clock.systemUTC(), meters, 20,
			Duration.ofHours(1), Duration.ofSeconds(30));

	private final ExecutorService background = Executors.newSingleThreadExecutor();

	private long clock = 1_000;

	@AfterEach
	void stop() {
		relay.stop();
		background.shutdownNow();
	}

	@Test
	void sendsABurstWithoutWaitingAndRemovesEachEventOnlyOnceAcknowledged() throws Exception {
		List<OutboxEntry> written = burst(5, 4, 3);
		Future<Boolean> round = background.submit(() -> relay.round(true));

		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == written.size());
		assertThat(round).isNotDone();
		assertThat(outbox.events()).hasSize(written.size());
		assertThat(backlog()).isEqualTo(written.size());

		broker.acknowledge(e -> true);
		assertThat(round.get()).isTrue();
		assertThat(outbox.events()).isEmpty();
		assertThat(backlog()).isZero();
		assertThat(outbox.bulkRemovals).hasValue(1);
	}

	@Test
	void sendsTheEventsOfEachPlanInTheOrderTheyWereWritten() throws Exception {
		List<OutboxEntry> written = burst(5, 4, 3);
		Future<Boolean> round = background.submit(() -> relay.round(true));
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
		Future<Boolean> round = background.submit(() -> relay.round(true));
		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == written.size());
		broker.fail(e -> e == refused);
		broker.acknowledge(e -> true);

		assertThat(round.get()).isFalse();
		List<OutboxEntry> ofPlan1 = written.stream().filter(e -> e.key().equals("piano-1")).toList();
		assertThat(outbox.events()).containsExactlyInAnyOrderElementsOf(ofPlan1.subList(1, ofPlan1.size()));
		assertThat(backlog()).isEqualTo(ofPlan1.size() - 1);

		broker.clear();
		Future<Boolean> retry = background.submit(() -> relay.round(false));
		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == ofPlan1.size() - 1);
		assertThat(broker.sent()).containsExactlyElementsOf(ofPlan1.subList(1, ofPlan1.size()));
		broker.acknowledge(e -> true);
		assertThat(retry.get()).isTrue();
		assertThat(outbox.events()).isEmpty();
	}

	@Test
	void parksAnEventKafkaRefusesForGoodAndRelaysEveryOtherEventOfItsPlan() throws Exception {
		List<OutboxEntry> written = burst(3, 2, 2);
		OutboxEntry tooLarge = written.stream().filter(e -> e.key().equals("piano-1")).toList().get(0);
		Future<Boolean> round = background.submit(() -> relay.round(true));
		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == written.size());
		broker.failForGood(e -> e == tooLarge);
		broker.acknowledge(e -> true);

		assertThat(round.get()).isTrue();
		assertThat(parked).containsExactly(java.util.Map.entry(tooLarge.eventId(), "record-too-large"));
		assertThat(outbox.events()).isEmpty();
		assertThat(broker.sent()).containsExactlyInAnyOrderElementsOf(written);
		assertThat(backlog()).isZero();
	}

	@Test
	void keepsAnEventWhoseParkingFailsForTheNextRound() throws Exception {
		OutboxRelay failingParking = new OutboxRelay(List.of(outbox), queue, broker, (binding, entry, reason) -> {
			throw new IllegalStateException("store down");
		}, Clock.systemUTC(), meters, 20, Duration.ofHours(1), Duration.ofSeconds(30));
		List<OutboxEntry> written = burst(1, 1, 2);
		Future<Boolean> round = background.submit(() -> failingParking.round(true));
		await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent().size() == written.size());
		broker.failForGood(e -> e == written.get(0));
		broker.acknowledge(e -> true);

		assertThat(round.get()).isFalse();
		assertThat(outbox.events()).containsExactlyElementsOf(written);
	}

	@Test
	void stopsSendingAtTheFirstFailureAndRemovesNothingWhileTheBrokerIsDown() throws Exception {
		List<OutboxEntry> written = burst(2, 2, 2);
		broker.down = true;

		assertThat(relay.round(true)).isFalse();

		assertThat(broker.sent()).hasSize(1);
		assertThat(outbox.events()).containsExactlyInAnyOrderElementsOf(written);
		assertThat(backlog()).isEqualTo(written.size());
		assertThat(meters.get("monitoring.outbox.oldest.age").gauge().value()).isGreaterThan(0);
	}

	@Test
	void relaysNewEventsFromTheQueueAndScansOnlyAtStartUp() {
		burst(1, 1, 1);
		broker.acknowledgeAtOnce = true;
		relay.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> outbox.events().isEmpty());

		for (int i = 0; i < 20; i++) {
			String document = "doc-new-" + i;
			outbox.add(document, entry("piano-9", document, i));
			queue.written(outbox, document);
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> outbox.events().isEmpty());
		assertThat(broker.sent()).filteredOn(e -> e.key().equals("piano-9")).hasSize(20);
		assertThat(outbox.scans).hasValue(1);
		assertThat(backlog()).isZero();
	}

	private double backlog() {
		return meters.get("monitoring.outbox.backlog").gauge().value();
	}

	/** {@code plans} plans, each with {@code documents} documents of {@code events} events, interleaved in time. */
	private List<OutboxEntry> burst(int plans, int documents, int events) {
		List<OutboxEntry> written = new ArrayList<>();
		for (int e = 0; e < events; e++) {
			for (int d = 0; d < documents; d++) {
				for (int p = 0; p < plans; p++) {
					String document = "doc-" + p + "-" + d;
					OutboxEntry entry = entry("piano-" + p, document, e);
					outbox.add(document, entry);
					written.add(entry);
				}
			}
		}
		return written;
	}

	private OutboxEntry entry(String plan, String document, int n) {
		return new OutboxEntry(document + "#" + n, plan, "ResultRecorded", "{}", clock++);
	}

	/** Documents with their outboxes, in memory. */
	static class InMemoryOutbox implements OutboxSource {

		private final Map<String, List<OutboxEntry>> documents = new LinkedHashMap<>();

		final AtomicInteger scans = new AtomicInteger();

		final AtomicInteger bulkRemovals = new AtomicInteger();

		synchronized void add(String document, OutboxEntry entry) {
			documents.computeIfAbsent(document, d -> new ArrayList<>()).add(entry);
		}

		synchronized List<OutboxEntry> events() {
			return documents.values().stream().flatMap(List::stream).toList();
		}

		@Override
		public String binding() {
			return "resultEvents-out-0";
		}

		@Override
		public synchronized List<Pending> pending() {
			scans.incrementAndGet();
			return documents.entrySet().stream().filter(d -> !d.getValue().isEmpty())
					.map(d -> new Pending(d.getKey(), List.copyOf(d.getValue()))).toList();
		}

		@Override
		public synchronized List<Pending> pending(Collection<String> documentIds) {
			return documentIds.stream().filter(id -> documents.containsKey(id) && !documents.get(id).isEmpty())
					.map(id -> new Pending(id, List.copyOf(documents.get(id)))).toList();
		}

		@Override
		public synchronized void removeAll(Map<String, List<String>> eventIdsByDocument) {
			bulkRemovals.incrementAndGet();
			eventIdsByDocument.forEach((document, ids) -> documents.getOrDefault(document, new ArrayList<>())
					.removeIf(e -> ids.contains(e.eventId())));
		}
	}

	/** Answers each send when the test says so; when down, fails every send at once. */
	static class ControlledBroker implements EventSender {

		private final List<OutboxEntry> sent = new CopyOnWriteArrayList<>();

		private final Map<OutboxEntry, CompletableFuture<Void>> answers = new java.util.concurrent.ConcurrentHashMap<>();

		volatile boolean down;

		volatile boolean acknowledgeAtOnce;

		@Override
		public CompletableFuture<Void> send(String binding, OutboxEntry entry) {
			sent.add(entry);
			if (down) {
				return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
			}
			if (acknowledgeAtOnce) {
				return CompletableFuture.completedFuture(null);
			}
			return answers.computeIfAbsent(entry, e -> new CompletableFuture<>());
		}

		List<OutboxEntry> sent() {
			return List.copyOf(sent);
		}

		void acknowledge(Predicate<OutboxEntry> which) {
			answers.forEach((entry, answer) -> {
				if (which.test(entry)) {
					answer.complete(null);
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
