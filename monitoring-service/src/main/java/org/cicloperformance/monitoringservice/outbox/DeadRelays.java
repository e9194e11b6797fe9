package org.cicloperformance.monitoringservice.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.monitoringservice.outbox.OutboxMarks.Mark;

/**
 * Which of the other relays' marks to act on. At start-up every one is recovered from (re-sent from its
 * {@code through}), live or not: the previous process on this host has just died but its heartbeat is still fresh,
 * and re-sending a live relay's last events only duplicates them. Afterwards a relay is dead when its heartbeat has
 * not moved for {@code deadAfter} of this process's clock (so no two clocks are compared); its mark is recovered from
 * unless it was already, at that very heartbeat, and then deleted.
 */
final class DeadRelays {

	record Dead(Mark mark, boolean recover) {
	}

	private record Seen(long heartbeat, long since) {
	}

	private final long deadAfterMillis;

	private final Map<String, Seen> seen = new HashMap<>();

	private final Map<String, Long> recoveredAt = new HashMap<>();

	DeadRelays(long deadAfterMillis) {
		this.deadAfterMillis = deadAfterMillis;
	}

	/** At start-up: every mark is recovered from now. */
	void recovered(List<Mark> marks, long now) {
		for (Mark mark : marks) {
			recoveredAt.put(mark.instance(), mark.heartbeat());
			seen.put(mark.instance(), new Seen(mark.heartbeat(), now));
		}
	}

	/** The marks whose heartbeat has stood still for {@code deadAfter}, each saying whether to recover from it. */
	List<Dead> dead(List<Mark> marks, long now) {
		List<Dead> dead = new ArrayList<>();
		Map<String, Seen> current = new HashMap<>();
		for (Mark mark : marks) {
			Seen before = seen.get(mark.instance());
			Seen seenNow = before != null && before.heartbeat() == mark.heartbeat() ? before : new Seen(mark.heartbeat(), now);
			current.put(mark.instance(), seenNow);
			if (now - seenNow.since() >= deadAfterMillis) {
				Long recovered = recoveredAt.get(mark.instance());
				dead.add(new Dead(mark, recovered == null || recovered != mark.heartbeat()));
			}
		}
		seen.clear();
		seen.putAll(current);
		recoveredAt.keySet().retainAll(current.keySet());
		return dead;
	}

	/** After a dead mark was recovered from (and deleted, or found moving again). */
	void recovered(Mark mark) {
		recoveredAt.put(mark.instance(), mark.heartbeat());
	}
}
