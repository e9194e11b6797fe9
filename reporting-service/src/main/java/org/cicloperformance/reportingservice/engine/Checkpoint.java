package org.cicloperformance.reportingservice.engine;

import java.time.LocalDate;

/** A checkpoint being scored; {@code isFinal} selects the missing-result rule. */
public record Checkpoint(String id, LocalDate date, boolean isFinal) {
}
