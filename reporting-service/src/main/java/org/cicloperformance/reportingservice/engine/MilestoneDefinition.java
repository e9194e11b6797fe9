package org.cicloperformance.reportingservice.engine;

import java.time.LocalDate;

/** A dated deliverable of a MILESTONE indicator. */
public record MilestoneDefinition(String code, LocalDate due) {
}
