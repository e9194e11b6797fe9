package org.cicloperformance.monitoringservice.completion;

/** Where a due indicator stands at a checkpoint, as of the reporting clock. */
public enum Completion {
	/** A result has been recorded (its first version at or before the reporting clock's time). */
	POSTED,
	/** No result yet, and the closing date has not passed (or no calendar sets one). */
	MISSING,
	/** No result, and the closing date has passed. */
	LATE;

	/** Plain Java, the board's one rule: a closing date lasts until its end. */
	static Completion of(boolean posted, java.time.LocalDate today, java.time.LocalDate closesOn) {
		if (posted) {
			return POSTED;
		}
		return closesOn != null && today.isAfter(closesOn) ? LATE : MISSING;
	}

	public boolean outstanding() {
		return this != POSTED;
	}
}
