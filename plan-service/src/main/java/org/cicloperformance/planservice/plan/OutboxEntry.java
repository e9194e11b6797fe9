package org.cicloperformance.planservice.plan;

import java.time.Instant;

/**
 * An event not yet acknowledged by the broker. It lives in the plan document itself, written by the same atomic
 * update as the version it announces, so that no approval can be stored without its event.
 */
public record OutboxEntry(String eventId, String type, int version, Instant createdAt) {

	public static final String PLAN_PUBLISHED = "PlanPublished";

	public static final String PLAN_REVISED = "PlanRevised";
}
