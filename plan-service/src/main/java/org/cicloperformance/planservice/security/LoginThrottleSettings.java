package org.cicloperformance.planservice.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ciclo.security.login-throttle.*}: how many wrong passwords one user name, and one address, may send within
 * {@code window} before further attempts are refused until the window ends; {@code tracked} bounds the memory (user
 * names and addresses remembered, each).
 */
@ConfigurationProperties("ciclo.security.login-throttle")
record LoginThrottleSettings(@DefaultValue("5") int perUser, @DefaultValue("20") int perAddress,
		@DefaultValue("5m") Duration window, @DefaultValue("10000") int tracked) {
}
