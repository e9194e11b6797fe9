package org.cicloperformance.monitoringservice.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
import java.util.concurrent.atomic.AtomicReference;
import org.cicloperformance.monitoringservice.outbox.OutboxRelay.Parking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round's sending, for {@link OutboxRelay}: every pending event in the order it was written, without waiting,
 * stopping at the first failure that may pass; then every acknowledgement awaited (the heartbeat saved meanwhile);
 * the events Kafka refused for good parked; and the answer, which events are relayed.
 */
final class Sending {

	private static final Logger log = LoggerFactory.getLogger(Sending.class);

	private final EventSender sender;

	private final Parking parking;

	private final Duration ackTimeout;

	private final long sliceMillis;

	private final Runnable heartbeat;

	Sending(EventSender sender, Parking parking, Duration ackTimeout, long sliceMillis, Runnable heartbeat) {
		this.sender = sender;
		this.parking = parking;
		this.ackTimeout = ackTimeout;
		this.sliceMillis = Math.max(1, sliceMillis);
		this.heartbeat = heartbeat;
	}

	private record Sent(PendingEvent event, CompletableFuture<Void> ack) {

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

	/** Sends the pending events; answers those relayed (by identity). */
	Set<PendingEvent> relay(List<PendingEvent> pending) throws InterruptedException {
		List<Sent> sent = send(inOrder(pending));
		return relayed(sent, park(sent));
	}

	/** Sends every event without waiting, stopping at the first failure seen; then waits for every answer. */
	private List<Sent> send(List<PendingEvent> events) throws InterruptedException {
		List<Sent> sent = new ArrayList<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		for (PendingEvent next : events) {
			if (failure.get() != null) {
				break;
			}
			CompletableFuture<Void> ack = sender.send(next.source().binding(), next.entry());
			ack.whenComplete((ok, e) -> {
				// an event refused for good is parked below; only a failure that may pass (broker down) stops the round
				if (e != null && Unsendable.reason(e).isEmpty()) {
					failure.compareAndSet(null, e);
				}
			});
			sent.add(new Sent(next, ack));
		}
		CompletableFuture<Void> all = CompletableFuture.allOf(sent.stream().map(Sent::ack)
				.toArray(CompletableFuture[]::new));
		long deadline = System.nanoTime() + ackTimeout.toNanos();
		while (true) {
			try {
				// in slices, the heartbeat saved between them: waiting for the broker is not being dead
				all.get(Math.min(sliceMillis, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)),
						TimeUnit.MILLISECONDS);
				break;
			}
			catch (ExecutionException e) {
				// some send failed: the failure is logged below, each event's own future says which
				break;
			}
			catch (TimeoutException e) {
				if (System.nanoTime() - deadline >= 0) {
					failure.compareAndSet(null, e);
					break;
				}
				heartbeat.run();
			}
		}
		if (failure.get() != null) {
			long acknowledged = sent.stream().filter(Sent::acknowledged).count();
			log.warn("Outbox relay: {} of {} events acknowledged, the rest will be retried: {}", acknowledged,
					events.size(), failure.get().toString());
		}
		return sent;
	}

	/**
	 * Every pending event in the order it was written: the documents' events merged by creation time, each
	 * document's own order kept whatever the clocks said.
	 */
	private static List<PendingEvent> inOrder(List<PendingEvent> events) {
		Map<List<Object>, List<PendingEvent>> byDocument = new LinkedHashMap<>();
		for (PendingEvent e : events) {
			byDocument.computeIfAbsent(List.of(e.source(), e.documentId()), k -> new ArrayList<>()).add(e);
		}
		List<List<PendingEvent>> documents = new ArrayList<>(byDocument.values());
		record Cursor(List<PendingEvent> document, int rank, int index) {

			PendingEvent event() {
				return document.get(index);
			}
		}
		PriorityQueue<Cursor> heads = new PriorityQueue<>(
				Comparator.comparingLong((Cursor c) -> c.event().entry().createdAt()).thenComparingInt(Cursor::rank));
		for (int rank = 0; rank < documents.size(); rank++) {
			heads.add(new Cursor(documents.get(rank), rank, 0));
		}
		List<PendingEvent> ordered = new ArrayList<>(events.size());
		while (!heads.isEmpty()) {
			Cursor head = heads.poll();
			ordered.add(head.event());
			if (head.index() + 1 < head.document().size()) {
				heads.add(new Cursor(head.document(), head.rank(), head.index() + 1));
			}
		}
		return ordered;
	}

	/** Parks every event Kafka refused for good; those parked (an event not parked is retried). */
	private Set<PendingEvent> park(List<Sent> sent) {
		Set<PendingEvent> parked = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Sent s : sent) {
			Optional<String> reason = s.unsendable();
			if (reason.isEmpty()) {
				continue;
			}
			OutboxEntry entry = s.event().entry();
			try {
				parking.park(s.event().source().binding(), entry, reason.get());
				parked.add(s.event());
				log.warn("Outbox relay parked {} {} of plan {}: {}", entry.eventType(), entry.eventId(), entry.key(),
						reason.get());
			}
			catch (RuntimeException e) {
				log.warn("Outbox relay cannot park {}, it will be sent again: {}", entry.eventId(), e.getMessage());
			}
		}
		return parked;
	}

	/**
	 * The events relayed: acknowledged or parked, and with every event of the same plan sent before them acknowledged
	 * or parked too. A parked event does not hold its plan's later events back: it can never be sent, and they would
	 * wait for ever.
	 */
	private static Set<PendingEvent> relayed(List<Sent> sent, Set<PendingEvent> parked) {
		Set<String> blockedPlans = new HashSet<>();
		Set<PendingEvent> relayed = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Sent s : sent) {
			String plan = Objects.toString(s.event().entry().key(), "");
			if (!s.acknowledged() && !parked.contains(s.event())) {
				blockedPlans.add(plan);
			}
			else if (!blockedPlans.contains(plan)) {
				relayed.add(s.event());
			}
		}
		return relayed;
	}
}
