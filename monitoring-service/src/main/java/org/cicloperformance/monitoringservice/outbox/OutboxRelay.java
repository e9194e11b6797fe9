package org.cicloperformance.monitoringservice.outbox;

import org.springframework.beans.factory.annotation.Autowired;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.cicloperformance.monitoringservice.outbox.OutboxQueue.Written;
import org.cicloperformance.monitoringservice.outbox.OutboxSource.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Relays every outbox (results to {@code result-events}, checkpoints to {@code checkpoint-events}) on one thread of
 * its own. The writes queue the ids of the documents they have just added an event to ({@link OutboxQueue}); the
 * relay reads those documents by id, sends all their events without waiting (idempotent producer,
 * {@code acks=all}, {@code linger.ms} batching them), waits for every acknowledgement, then pulls the acknowledged
 * events with one bulk write per collection. Writes made meanwhile wait for the next round, so a burst is relayed in
 * a few rounds rather than one event at a time. A full scan of every outbox runs at start-up (events written before a
 * crash or restart) and then as a safety net every {@code scan-interval}.
 * <p>
 * An event leaves its document only after the broker acknowledged it, so a crash between the two re-sends it:
 * at-least-once, consumers deduplicate by eventId. A round sends its events in the order they were written (each
 * document's in its own order); they are keyed by plan, so one plan's events share a partition, whose order the
 * idempotent producer keeps. A failed send (broker down) stops sending for the round; an event is removed only if
 * every earlier event of its plan in the round was acknowledged too, so the next round (after {@code
 * relay-delay-ms}) starts again from the first event a plan has not had acknowledged.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final List<OutboxSource> sources;

	private final OutboxQueue queue;

	private final EventSender sender;

	private final Parking parking;

	private final Clock clock;

	private final long retryDelayMillis;

	private final long scanIntervalNanos;

	private final Duration ackTimeout;

	/** Documents to read (again) in the next round: queued by a write, or left with events not acknowledged. */
	private final Set<DocumentKey> due = new LinkedHashSet<>();

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong oldestCreatedAt = new AtomicLong();

	private volatile boolean running;

	private Thread thread;

	@Autowired
	OutboxRelay(List<OutboxSource> sources, OutboxQueue queue, EventSender sender, Parking parking, Clock clock,
			MeterRegistry meters, OutboxSettings settings) {
		this(sources, queue, sender, parking, clock, meters, settings.relayDelayMs(), settings.scanInterval(),
				settings.ackTimeout());
	}

	OutboxRelay(List<OutboxSource> sources, OutboxQueue queue, EventSender sender, Parking parking, Clock clock,
			MeterRegistry meters, long retryDelayMillis, Duration scanInterval, Duration ackTimeout) {
		this.sources = List.copyOf(sources);
		this.queue = queue;
		this.sender = sender;
		this.parking = parking;
		this.clock = clock;
		this.retryDelayMillis = retryDelayMillis;
		this.scanIntervalNanos = scanInterval.toNanos();
		this.ackTimeout = ackTimeout;
		Gauge.builder("monitoring.outbox.backlog", this, OutboxRelay::backlog)
				.description("Events written to an outbox and not yet acknowledged by Kafka")
				.register(meters);
		Gauge.builder("monitoring.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
				.description("Age of the oldest unpublished event")
				.baseUnit("seconds")
				.register(meters);
	}

	private record DocumentKey(OutboxSource source, String documentId) {
	}

	private record PendingDocument(OutboxSource source, Pending pending) {
	}

	private record Sent(PendingDocument document, OutboxEntry entry, CompletableFuture<Void> ack) {

		boolean acknowledged() {
			return ack.isDone() && !ack.isCompletedExceptionally();
		}

		/** Why Kafka refused this event for good, if it did. */
		Optional<String> unsendable() {
			if (!ack.isCompletedExceptionally()) {
				return Optional.empty();
			}
			try {
				ack.getNow(null);
				return Optional.empty();
			}
			catch (CompletionException | CancellationException e) {
				return Unsendable.reason(e.getCause() == null ? e : e.getCause());
			}
		}
	}

	/** Where an event Kafka refused for good goes, so that the events after it are not held back by it. */
	@FunctionalInterface
	interface Parking {

		void park(String binding, OutboxEntry entry, String reason);
	}

	@Override
	public void start() {
		running = true;
		thread = new Thread(this::run, "outbox-relay");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread relay = thread;
		if (relay != null) {
			relay.interrupt();
			try {
				relay.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		long nextScan = System.nanoTime();
		while (running) {
			try {
				List<Written> written = new ArrayList<>();
				long untilScan = TimeUnit.NANOSECONDS.toMillis(nextScan - System.nanoTime());
				queue.await(due.isEmpty() ? untilScan : 0, written);
				written.forEach(w -> due.add(new DocumentKey(w.source(), w.documentId())));
				boolean scan = System.nanoTime() - nextScan >= 0;
				if (scan) {
					nextScan = System.nanoTime() + scanIntervalNanos;
				}
				else if (due.isEmpty()) {
					continue;
				}
				if (!round(scan)) {
					Thread.sleep(retryDelayMillis);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.warn("Outbox relay round failed, will retry: {}", e.toString());
				try {
					Thread.sleep(retryDelayMillis);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** One round; false when something is left to retry (not read, not acknowledged, not removed). */
	boolean round(boolean scan) throws InterruptedException {
		boolean complete = true;
		List<PendingDocument> documents = new ArrayList<>();
		for (OutboxSource source : sources) {
			Set<String> ids = due.stream().filter(k -> k.source() == source).map(DocumentKey::documentId)
					.collect(Collectors.toCollection(LinkedHashSet::new));
			if (!scan && ids.isEmpty()) {
				continue;
			}
			try {
				List<Pending> pending = scan ? source.pending() : source.pending(ids);
				pending.forEach(p -> documents.add(new PendingDocument(source, p)));
				due.removeIf(k -> k.source() == source && (scan || ids.contains(k.documentId())));
			}
			catch (RuntimeException e) {
				log.warn("Outbox relay cannot read the outbox of {}: {}", source.binding(), e.getMessage());
				complete = false;
			}
		}
		measure(documents.stream().map(PendingDocument::pending).toList());
		if (documents.isEmpty()) {
			return complete;
		}
		List<Sent> sent = send(documents);
		Map<OutboxSource, Map<String, List<String>>> relayed = acknowledged(sent, park(sent));
		Set<String> removed = new HashSet<>();
		for (Map.Entry<OutboxSource, Map<String, List<String>>> bySource : relayed.entrySet()) {
			try {
				bySource.getKey().removeAll(bySource.getValue());
				bySource.getValue().values().forEach(removed::addAll);
			}
			catch (RuntimeException e) {
				log.warn("Outbox relay cannot remove relayed events of {}, they will be sent again: {}",
						bySource.getKey().binding(), e.getMessage());
			}
		}
		List<Pending> left = new ArrayList<>();
		for (PendingDocument document : documents) {
			List<OutboxEntry> events = document.pending().events().stream()
					.filter(e -> !removed.contains(e.eventId())).toList();
			if (!events.isEmpty()) {
				left.add(new Pending(document.pending().documentId(), events));
				due.add(new DocumentKey(document.source(), document.pending().documentId()));
			}
		}
		measure(left);
		return complete && left.isEmpty();
	}

	/** Sends every event without waiting, stopping at the first failure seen; then waits for every answer. */
	private List<Sent> send(List<PendingDocument> documents) throws InterruptedException {
		List<Sent> sent = new ArrayList<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		for (Sent next : inOrder(documents)) {
			if (failure.get() != null) {
				break;
			}
			CompletableFuture<Void> ack = sender.send(next.document().source().binding(), next.entry());
			ack.whenComplete((ok, e) -> {
				// an event refused for good is parked below; only a failure that may pass (broker down) stops the round
				if (e != null && Unsendable.reason(e).isEmpty()) {
					failure.compareAndSet(null, e);
				}
			});
			sent.add(new Sent(next.document(), next.entry(), ack));
		}
		try {
			CompletableFuture.allOf(sent.stream().map(Sent::ack).toArray(CompletableFuture[]::new))
					.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException e) {
			// some send failed: the failure is logged below, each event's own future says which
		}
		catch (TimeoutException e) {
			failure.compareAndSet(null, e);
		}
		if (failure.get() != null) {
			long acknowledged = sent.stream().filter(Sent::acknowledged).count();
			log.warn("Outbox relay: {} of {} events acknowledged, the rest will be retried: {}", acknowledged,
					documents.stream().mapToLong(d -> d.pending().events().size()).sum(), failure.get().toString());
		}
		return sent;
	}

	/**
	 * Every event of the round in the order it was written: the documents' outboxes merged by creation time, each
	 * document's own order kept whatever the clocks said.
	 */
	private static List<Sent> inOrder(List<PendingDocument> documents) {
		record Cursor(PendingDocument document, int rank, int index) {

			OutboxEntry entry() {
				return document.pending().events().get(index);
			}
		}
		PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparingLong((Cursor c) -> c.entry().createdAt())
				.thenComparingInt(Cursor::rank));
		for (int rank = 0; rank < documents.size(); rank++) {
			if (!documents.get(rank).pending().events().isEmpty()) {
				heads.add(new Cursor(documents.get(rank), rank, 0));
			}
		}
		List<Sent> ordered = new ArrayList<>();
		while (!heads.isEmpty()) {
			Cursor head = heads.poll();
			ordered.add(new Sent(head.document(), head.entry(), null));
			if (head.index() + 1 < head.document().pending().events().size()) {
				heads.add(new Cursor(head.document(), head.rank(), head.index() + 1));
			}
		}
		return ordered;
	}

	/** Parks every event Kafka refused for good; the ids of those parked (an event not parked is retried). */
	private Set<String> park(List<Sent> sent) {
		Set<String> parked = new HashSet<>();
		for (Sent s : sent) {
			Optional<String> reason = s.unsendable();
			if (reason.isEmpty()) {
				continue;
			}
			try {
				parking.park(s.document().source().binding(), s.entry(), reason.get());
				parked.add(s.entry().eventId());
				log.warn("Outbox relay parked {} {} of plan {}: {}", s.entry().eventType(), s.entry().eventId(),
						s.entry().key(), reason.get());
			}
			catch (RuntimeException e) {
				log.warn("Outbox relay cannot park {}, it will be sent again: {}", s.entry().eventId(), e.getMessage());
			}
		}
		return parked;
	}

	/**
	 * The events that may leave their outbox, by source and document: acknowledged or parked, and with every event of
	 * the same plan sent before them acknowledged or parked too. A parked event does not hold its plan's later events
	 * back: it can never be sent, and they would wait for ever.
	 */
	private static Map<OutboxSource, Map<String, List<String>>> acknowledged(List<Sent> sent, Set<String> parked) {
		Set<String> blockedPlans = new HashSet<>();
		Map<OutboxSource, Map<String, List<String>>> relayed = new LinkedHashMap<>();
		for (Sent s : sent) {
			String plan = Objects.toString(s.entry().key(), "");
			if (!s.acknowledged() && !parked.contains(s.entry().eventId())) {
				blockedPlans.add(plan);
			}
			else if (!blockedPlans.contains(plan)) {
				relayed.computeIfAbsent(s.document().source(), k -> new LinkedHashMap<>())
						.computeIfAbsent(s.document().pending().documentId(), k -> new ArrayList<>())
						.add(s.entry().eventId());
			}
		}
		return relayed;
	}

	private void measure(List<Pending> pending) {
		backlog.set(pending.stream().mapToLong(d -> d.events().size()).sum());
		oldestCreatedAt.set(pending.stream().flatMap(d -> d.events().stream())
				.mapToLong(OutboxEntry::createdAt).min().orElse(0));
	}

	private double backlog() {
		return backlog.get() + queue.size();
	}

	private double oldestAgeSeconds() {
		long oldest = oldestCreatedAt.get();
		long queued = queue.oldest();
		if (oldest == 0 || (queued != 0 && queued < oldest)) {
			oldest = queued;
		}
		return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
	}
}
