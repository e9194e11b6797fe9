package org.cicloperformance.local;

import java.time.Duration;

final class Pause {

	private Pause() {
	}

	/** Waits between two polls; an interrupt (Ctrl-C) ends the start-up instead of being swallowed. */
	static void of(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrotto", e);
		}
	}
}
