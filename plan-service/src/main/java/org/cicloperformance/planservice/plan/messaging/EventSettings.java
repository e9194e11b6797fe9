package org.cicloperformance.planservice.plan.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the plan events' outbox ({@code plan.outbox.*}).
 *
 * @param relayInterval pause between two passes of the relay
 * @param sizeMargin bytes kept free under the producer's {@code max.request.size} for the key, the headers and
 * the record batch; an event larger than the rest is refused at the API
 * @param sweepInterval pause between two sweeps of the whole collection for events this process did not write (or
 * wrote before a restart); the relay's passes in between read only the plans this process wrote
 */
@ConfigurationProperties("plan.outbox")
record EventSettings(@DefaultValue("500ms") Duration relayInterval, @DefaultValue("16KB") DataSize sizeMargin,
		@DefaultValue("1m") Duration sweepInterval) {
}
