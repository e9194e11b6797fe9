package org.cicloperformance.monitoringservice.outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Between the writes and the relay of this process: the writes in flight (registered before they take their stamp,
 * ended after their hand-off) and what they handed over, the events themselves or, after a failure that may have
 * written, the documents to read. {@link #floor()} is the earliest stamp any of them may still carry: with the
 * relay's own unacknowledged events, the mark never passes it.
 */
@Component
class OutboxQueue {

	sealed interface Item permits Handed, Reread {
	}

	record Handed(List<PendingEvent> events) implements Item {
	}

	record Reread(OutboxSource source, Set<String> documentIds, long since) implements Item {
	}

	private final LinkedBlockingQueue<Item> items = new LinkedBlockingQueue<>();

	private final Set<OutboxWrite> inFlight = ConcurrentHashMap.newKeySet();

	private final AtomicLong queuedEvents = new AtomicLong();

	/** Events the relay has taken and not yet had acknowledged (set by the relay). */
	private final AtomicLong inRelay = new AtomicLong();

	private final Clock clock;

	private final OutboxMarks marks;

	private final long maxBacklog;

	OutboxQueue(Clock clock, OutboxMarks marks) {
		this(clock, marks, Long.MAX_VALUE);
	}

	@Autowired
	OutboxQueue(Clock clock, OutboxMarks marks, OutboxSettings settings) {
		this(clock, marks, settings.maxBacklog());
	}

	OutboxQueue(Clock clock, OutboxMarks marks, long maxBacklog) {
		this.clock = clock;
		this.marks = marks;
		this.maxBacklog = maxBacklog;
	}

	/**
	 * Registers a write, then stamps it, then makes sure this process has a mark (the first write, or the first
	 * after a clean stop, saves it): so a mark computed concurrently either sees the stamp or was computed before it.
	 */
	OutboxWrite begin(OutboxCollection source) {
		long backlog = backlog();
		if (backlog >= maxBacklog) {
			// the broker has been away long enough that this process holds maxBacklog unsent events in memory:
			// refusing new writes now keeps memory bounded, and a restart would otherwise re-read them all at once
			throw new OutboxFullException(backlog, maxBacklog);
		}
		OutboxWrite write = new OutboxWrite(source, this);
		inFlight.add(write);
		write.stamp(clock.millis());
		try {
			marks.ensureSaved(this::floor);
		}
		catch (RuntimeException e) {
			inFlight.remove(write);
			throw e;
		}
		return write;
	}

	void handOff(List<PendingEvent> events) {
		queuedEvents.addAndGet(events.size());
		items.add(new Handed(events));
	}

	void reread(OutboxSource source, Set<String> documentIds, long since) {
		items.add(new Reread(source, documentIds, since));
	}

	/** After the hand-off: the handed events are queued before the write leaves the writes in flight. */
	void end(OutboxWrite write) {
		inFlight.remove(write);
	}

	/** Waits at most {@code millis} for a first item, then takes every item queued (then see {@link #taken}). */
	int await(long millis, Collection<Item> into) throws InterruptedException {
		Item first = items.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
		if (first == null) {
			return 0;
		}
		into.add(first);
		return 1 + items.drainTo(into);
	}

	/** The relay counts {@code events} taken from here as its own: called after it did, so none is uncounted. */
	void taken(long events) {
		queuedEvents.addAndGet(-events);
	}

	/** Events handed over and not yet taken by the relay. */
	long size() {
		return queuedEvents.get();
	}

	/** The relay says how many events it holds, taken and not yet acknowledged. */
	void inRelay(long events) {
		inRelay.set(events);
	}

	/** Events written and not yet acknowledged by Kafka: queued here or held by the relay. */
	long backlog() {
		return inRelay.get() + queuedEvents.get();
	}

	/** When the oldest event still queued was created (epoch millis), 0 when none. */
	long oldest() {
		return items.stream().filter(Handed.class::isInstance).flatMap(i -> ((Handed) i).events().stream())
				.mapToLong(e -> e.entry().createdAt()).min().orElse(0);
	}

	/** No write in flight and nothing queued. */
	boolean idle() {
		return inFlight.isEmpty() && items.isEmpty();
	}

	/**
	 * The earliest stamp a write in flight or an item queued carries, {@code Long.MAX_VALUE} when none; called with
	 * {@code now} read <em>before</em>. A write not yet stamped is skipped: it is stamped after this call started, so
	 * not before {@code now}. The writes in flight are read before the items: a write that ends meanwhile queued its
	 * items before it ended.
	 */
	long floor() {
		long floor = Long.MAX_VALUE;
		for (OutboxWrite write : inFlight) {
			long at = write.at();
			if (at != OutboxWrite.UNSTAMPED) {
				floor = Math.min(floor, at);
			}
		}
		for (Item item : items) {
			if (item instanceof Handed handed) {
				for (PendingEvent e : handed.events()) {
					floor = Math.min(floor, e.at());
				}
			}
			else if (item instanceof Reread reread) {
				floor = Math.min(floor, reread.since());
			}
		}
		return floor;
	}
}
