package org.cicloperformance.monitoringservice.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code monitoring.outbox.*}: the pause before retrying events not acknowledged (broker down; new events are
 * relayed as soon as written), how long the relay waits for the broker's acknowledgements of one round, how often it
 * saves its mark (its heartbeat too), after how long a mark whose heartbeat stands still belongs to a dead relay
 * (whose events a peer then re-sends), the margin taken before a mark when re-sending (a clock stepped back), and
 * how many unsent events one process may hold before it refuses new writes (503) until the broker is back.
 */
@ConfigurationProperties("monitoring.outbox")
record OutboxSettings(@DefaultValue("200") long relayDelayMs, @DefaultValue("PT30S") Duration ackTimeout,
		@DefaultValue("PT1S") Duration markInterval, @DefaultValue("PT1M") Duration deadAfter,
		@DefaultValue("PT1S") Duration recoveryGrace, @DefaultValue("50000") long maxBacklog) {
}
