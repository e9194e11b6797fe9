package org.cicloperformance.reportingservice.score;

/**
 * Published (in-process, as a Spring application event) after a score document was written, so that open
 * dashboards refresh their figures; {@code revision} is the revision now stored.
 */
public record ScoresChanged(String planId, String checkpoint, long revision) {
}
