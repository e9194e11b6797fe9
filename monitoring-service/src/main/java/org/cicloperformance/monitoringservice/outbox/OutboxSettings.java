package org.cicloperformance.monitoringservice.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code monitoring.outbox.*}: the pause before retrying events not acknowledged (broker down; new events are
 * relayed as soon as written), how often every outbox is scanned as a safety net (also at start-up), and how long
 * the relay waits for the broker's acknowledgements of one round.
 */
@ConfigurationProperties("monitoring.outbox")
record OutboxSettings(@DefaultValue("200") long relayDelayMs, @DefaultValue("PT30S") Duration scanInterval,
		@DefaultValue("PT30S") Duration ackTimeout) {
}
