package org.cicloperformance.reportingservice.engine;

/** Identifies an indicator of a plan (its results at one checkpoint are looked up by this key). */
public record ResultKey(String objective, String indicator) {
}
