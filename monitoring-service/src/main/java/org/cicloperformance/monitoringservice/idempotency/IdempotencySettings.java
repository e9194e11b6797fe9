package org.cicloperformance.monitoringservice.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code monitoring.idempotency.*}: after how long a claimed key whose request never finished may be claimed again. */
@ConfigurationProperties("monitoring.idempotency")
record IdempotencySettings(@DefaultValue("PT2M") Duration staleClaimAfter) {
}
