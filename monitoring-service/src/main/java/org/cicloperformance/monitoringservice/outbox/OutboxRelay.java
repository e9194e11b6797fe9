package org.cicloperformance.monitoringservice.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cicloperformance.monitoringservice.outbox.DeadRelays.Dead;
import org.cicloperformance.monitoringservice.outbox.OutboxMarks.Mark;
import org.cicloperformance.monitoringservice.outbox.OutboxQueue.Handed;
import org.cicloperformance.monitoringservice.outbox.OutboxQueue.Item;
import org.cicloperformance.monitoringservice.outbox.OutboxQueue.Reread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Relays every outbox (results to {@code result-events}, checkpoints to {@code checkpoint-events}) on one thread of
 * its own. Each write hands the relay the events it has just stored ({@link OutboxWrite}); the relay sends them
 * without waiting (idempotent producer, {@code acks=all}, {@code linger.ms} batching them) and waits for every
 * acknowledgement. It never reads those documents and never rewrites them: the events stay there, the durable record.
 * What a crash would lose is only this process's memory, and {@link OutboxMarks its mark} bounds that: it never
 * passes the stamp of an event written and not acknowledged, so the next process at its start-up (or a peer, once the
 * heartbeat stands still for {@code dead-after}) re-sends every event stamped from it on, found by the indexed
 * {@code lastEventAt}. At-least-once: consumers deduplicate by eventId and ignore older result versions.
 * <p>
 * A round sends its events in the order they were written (each document's in its own order, documents merged by
 * creation time); they are keyed by plan, so one plan's events share a partition, whose order the idempotent producer
 * keeps. A failed send (broker down) stops sending for the round; an event counts as relayed only if every earlier
 * event of its plan in the round was acknowledged too, so the next round (after {@code relay-delay-ms}) starts again
 * from the first event a plan has not had acknowledged. An event Kafka refuses for good is parked instead.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final List<OutboxSource> sources;

	private final OutboxQueue queue;

	private final OutboxMarks marks;

	private final Clock clock;

	private final long retryDelayMillis;

	private final long markIntervalMillis;

	private final long graceMillis;

	private final DeadRelays deadRelays;

	private final Sending sending;

	/** The origin of this relay's timers (System.nanoTime() may be negative). */
	private final long origin = System.nanoTime();

	/** How often the other relays' marks are read: a few times per {@code dead-after}, at most every 10 s. */
	private final long watchEveryMillis;

	/** Events taken from the queue or found by a recovery, not yet acknowledged, in the order they came. */
	private final List<PendingEvent> pending = new ArrayList<>();

	/** Documents to read after a write that may have written them. */
	private final List<Reread> rereads = new ArrayList<>();

	/** The event ids of the unstamped events found after an upgrade, by collection, until all are relayed. */
	private final Map<OutboxSource, Set<String>> legacy = new HashMap<>();

	private final AtomicLong oldestCreatedAt = new AtomicLong();

	private volatile boolean running;

	private Thread thread;

	@Autowired
	OutboxRelay(List<OutboxSource> sources, OutboxQueue queue, OutboxMarks marks, EventSender sender, Parking parking,
			Clock clock, MeterRegistry meters, OutboxSettings settings) {
		this(sources, queue, marks, sender, parking, clock, meters, settings.relayDelayMs(), settings.ackTimeout(),
				settings.markInterval(), settings.deadAfter(), settings.recoveryGrace());
	}

	OutboxRelay(List<OutboxSource> sources, OutboxQueue queue, OutboxMarks marks, EventSender sender, Parking parking,
			Clock clock, MeterRegistry meters, long retryDelayMillis, Duration ackTimeout, Duration markInterval,
			Duration deadAfter, Duration grace) {
		this.sources = List.copyOf(sources);
		this.queue = queue;
		this.marks = marks;
		this.clock = clock;
		this.retryDelayMillis = retryDelayMillis;
		this.markIntervalMillis = markInterval.toMillis();
		this.graceMillis = grace.toMillis();
		this.deadRelays = new DeadRelays(deadAfter.toMillis());
		this.sending = new Sending(sender, parking, ackTimeout, markIntervalMillis, this::heartbeat);
		this.watchEveryMillis = Math.max(markIntervalMillis, Math.min(deadAfter.toMillis() / 4, 10_000));
		Gauge.builder("monitoring.outbox.backlog", this, OutboxRelay::backlog)
				.description("Events written to an outbox and not yet acknowledged by Kafka")
				.register(meters);
		Gauge.builder("monitoring.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
				.description("Age of the oldest unpublished event")
				.baseUnit("seconds")
				.register(meters);
	}

	/** Where an event Kafka refused for good goes, so that the events after it are not held back by it. */
	@FunctionalInterface
	interface Parking {

		void park(String binding, OutboxEntry entry, String reason);
	}

	/** Saves the mark first, on the caller's thread when it can (the thread tries again otherwise). */
	@Override
	public void start() {
		try {
			marks.ensureSaved(queue::floor);
		}
		catch (RuntimeException e) {
			log.warn("Outbox relay cannot save its mark yet, will retry: {}", e.toString());
		}
		running = true;
		thread = new Thread(this::run, "outbox-relay");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Stops the thread, then deletes this process's mark if nothing is left to send, or saves it a last time: a write
	 * after this is still protected (it saves the mark again, or the mark left stays before it).
	 */
	@Override
	public void stop() {
		halt();
		try {
			marks.release(() -> queue.idle() && pending.isEmpty() && rereads.isEmpty(), this::through);
		}
		catch (RuntimeException e) {
			log.warn("Outbox relay cannot release its mark, the next start-up will re-send from it: {}", e.toString());
		}
	}

	/** Stops the thread and leaves the mark as it is: what a crash leaves (and the first half of a stop). */
	void halt() {
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
		boolean startedUp = false;
		long nextMark = 0;
		long nextWatch = 0;
		while (running) {
			try {
				if (!startedUp) {
					startUp();
					startedUp = true;
				}
				List<Item> items = new ArrayList<>();
				long idle = Math.min(nextMark, nextWatch) - elapsedMillis();
				queue.await(pending.isEmpty() && rereads.isEmpty() ? idle : 0, items);
				take(items);
				boolean complete = round();
				long now = elapsedMillis();
				if (now >= nextMark) {
					saveMark();
					nextMark = now + markIntervalMillis;
				}
				if (now >= nextWatch) {
					watch();
					nextWatch = now + watchEveryMillis;
				}
				if (!complete) {
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

	/**
	 * Saves this process's mark, then re-sends what others may have left: once per collection after the upgrade to
	 * stamped events, every unstamped event; and every event from each other relay's mark on.
	 */
	void startUp() {
		marks.ensureSaved(queue::floor);
		Map<OutboxSource, List<PendingEvent>> unstamped = new LinkedHashMap<>();
		for (OutboxSource source : sources) {
			if (!marks.upgraded(source.name())) {
				unstamped.put(source, source.legacy());
			}
		}
		List<Mark> others = marks.others();
		List<PendingEvent> recovered = recover(others);
		deadRelays.recovered(others, clock.millis());
		unstamped.forEach((source, events) -> {
			if (events.isEmpty()) {
				marks.markUpgraded(source.name());
			}
			else {
				log.info("Outbox relay: {} events of {} written before the upgrade, sending them once", events.size(),
						source.name());
				legacy.put(source, new HashSet<>(events.stream().map(e -> e.entry().eventId()).toList()));
				pending.addAll(events);
			}
		});
		pending.addAll(recovered);
		saveMark();
	}

	/** Every event stamped from the earliest of these marks on (less the grace for a clock stepped back). */
	private List<PendingEvent> recover(List<Mark> from) {
		if (from.isEmpty()) {
			return List.of();
		}
		long floor = from.stream().mapToLong(Mark::through).min().getAsLong() - graceMillis;
		List<PendingEvent> recovered = new ArrayList<>();
		for (OutboxSource source : sources) {
			recovered.addAll(source.since(floor));
		}
		log.info("Outbox relay: re-sending {} events stamped since {} for {} other relay(s)", recovered.size(), floor,
				from.size());
		return recovered;
	}

	/** Recovers from the relays found dead, makes its own mark cover what it took over, then deletes theirs. */
	void watch() {
		List<Dead> dead = deadRelays.dead(marks.others(), clock.millis());
		if (dead.isEmpty()) {
			return;
		}
		pending.addAll(recover(dead.stream().filter(Dead::recover).map(Dead::mark).toList()));
		saveMark();
		for (Dead d : dead) {
			deadRelays.recovered(d.mark());
			if (marks.delete(d.mark())) {
				log.info("Outbox relay: mark of the stopped relay {} deleted", d.mark().instance());
			}
		}
	}

	private long elapsedMillis() {
		return (System.nanoTime() - origin) / 1_000_000;
	}

	void saveMark() {
		marks.save(through());
	}

	private void heartbeat() {
		try {
			saveMark();
		}
		catch (RuntimeException e) {
			log.warn("Outbox relay cannot save its mark: {}", e.toString());
		}
	}

	/**
	 * The mark: the earliest stamp this process may still have to send. Now is read first: a write stamped after it
	 * may be missed by {@link OutboxQueue#floor()}, but it cannot be earlier.
	 */
	private long through() {
		long now = clock.millis();
		long through = Math.min(now, queue.floor());
		for (Reread r : rereads) {
			through = Math.min(through, r.since());
		}
		for (PendingEvent e : pending) {
			if (!e.legacy()) {
				through = Math.min(through, e.at());
			}
		}
		return through;
	}

	/** Takes the items over; the backlog counts the events as pending before they leave the queue's count. */
	private void take(List<Item> items) {
		long events = 0;
		for (Item item : items) {
			if (item instanceof Handed handed) {
				pending.addAll(handed.events());
				events += handed.events().size();
			}
			else if (item instanceof Reread reread) {
				rereads.add(reread);
			}
		}
		queue.inRelay(pending.size());
		queue.taken(events);
	}

	/** Takes what the writes have handed over so far, then runs a round. */
	boolean roundNow() throws InterruptedException {
		List<Item> items = new ArrayList<>();
		queue.await(0, items);
		take(items);
		return round();
	}

	/** One round; false when something is left to retry (not read, not acknowledged). */
	boolean round() throws InterruptedException {
		boolean complete = true;
		for (var it = rereads.iterator(); it.hasNext();) {
			Reread reread = it.next();
			try {
				pending.addAll(reread.source().read(reread.documentIds(), reread.since()));
				it.remove();
			}
			catch (RuntimeException e) {
				log.warn("Outbox relay cannot read {} documents of {}: {}", reread.documentIds().size(),
						reread.source().name(), e.getMessage());
				complete = false;
			}
		}
		measure();
		if (pending.isEmpty()) {
			return complete;
		}
		Set<PendingEvent> relayed = sending.relay(pending);
		pending.removeIf(relayed::contains);
		for (var it = legacy.entrySet().iterator(); it.hasNext();) {
			var entry = it.next();
			relayed.stream().filter(e -> e.legacy() && e.source() == entry.getKey())
					.forEach(e -> entry.getValue().remove(e.entry().eventId()));
			if (entry.getValue().isEmpty()) {
				marks.markUpgraded(entry.getKey().name());
				it.remove();
			}
		}
		measure();
		return complete && pending.isEmpty();
	}

	private void measure() {
		queue.inRelay(pending.size());
		oldestCreatedAt.set(pending.stream().mapToLong(e -> e.entry().createdAt()).min().orElse(0));
	}

	private double backlog() {
		return queue.backlog();
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
