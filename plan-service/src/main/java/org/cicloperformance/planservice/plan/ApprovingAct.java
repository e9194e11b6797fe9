package org.cicloperformance.planservice.plan;

import java.time.LocalDate;

/** The act that approves a plan or a revision, e.g. "Deliberazione della Giunta camerale" n. 94 of 17/9/2018. */
public record ApprovingAct(String type, String number, LocalDate date) {
}
