package org.cicloperformance.planservice.plan;

import java.time.LocalDate;

/** A dated deliverable of a MILESTONE indicator. */
record Milestone(String code, String name, LocalDate due) {
}
