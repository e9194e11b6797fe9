package org.cicloperformance.planservice.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/** A monitoring checkpoint (e.g. 30 June, 31 December). The final one is what incentives are paid on. */
public record Checkpoint(String id, LocalDate date, String label, @JsonProperty("final") boolean isFinal) {
}
