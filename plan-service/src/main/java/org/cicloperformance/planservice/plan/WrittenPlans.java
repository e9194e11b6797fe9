package org.cicloperformance.planservice.plan;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The plans this process has written since the outbox relay last asked: where its new events are, so that the
 * relay reads those plans by id instead of searching the collection on every pass. A search would read every plan
 * document (each holds all its versions): on mongo-java-server, which serves only exact {@code _id} lookups from an
 * index, that was most of the embedded store's work under load (docs/benchmarks.md, issue 13). What a process wrote
 * and could not relay before it stopped is found by the relay's sweep, at start-up and then now and then.
 */
final class WrittenPlans {

	private final Set<String> ids = new LinkedHashSet<>();

	synchronized void written(String id) {
		ids.add(id);
	}

	/** Plans to look at again on the next pass (their events could not be sent yet). */
	synchronized void again(Collection<String> planIds) {
		ids.addAll(planIds);
	}

	/** The plans written since the last call, in the order they were first written. */
	synchronized Set<String> take() {
		Set<String> taken = new LinkedHashSet<>(ids);
		ids.clear();
		return taken;
	}
}
