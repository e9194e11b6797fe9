package org.cicloperformance.planservice.plan.messaging;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event the broker refused for a reason that retrying cannot cure (too large, not serialisable): a dead letter on
 * our side. It keeps what a planner needs to act — which plan and version, why — while the version itself stays in
 * the plan document, so nothing accepted is lost. Public because the API lists them ({@code plan.web}).
 */
@Document("parked_events")
public record ParkedEvent(@Id String eventId, String planId, String entity, String type, int version, String reason,
		String detail, Instant createdAt, Instant parkedAt) {
}
