package org.cicloperformance.planservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Wrong passwords per user name and per address, within a window, in bounded memory. */
class LoginThrottleTest {

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));

	final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}
	};

	LoginThrottle throttle(int tracked) {
		return new LoginThrottle(new LoginThrottleSettings(5, 20, Duration.ofMinutes(5), tracked), clock);
	}

	@Test
	void theSixthAttemptOfAUserIsRefusedUntilTheWindowEnds() {
		var throttle = throttle(100);
		for (int i = 0; i < 4; i++) {
			throttle.failed("Rossi", "10.0.0." + i);
		}
		assertThat(throttle.refusal("rossi", "10.0.0.99")).isEmpty();
		throttle.failed("rossi", "10.0.0.5");

		now.set(now.get().plusSeconds(60));
		assertThat(throttle.refusal("ROSSI", "10.0.0.99")).contains(Duration.ofMinutes(4));
		assertThat(throttle.refusal("bianchi", "10.0.0.99")).isEmpty();

		now.set(now.get().plusSeconds(240));
		assertThat(throttle.refusal("rossi", "10.0.0.99")).isEmpty();
	}

	@Test
	void anAddressSprayingManyUserNamesIsRefusedForEveryName() {
		var throttle = throttle(100);
		for (int i = 0; i < 20; i++) {
			throttle.failed("utente-" + i, "10.0.0.7");
		}

		assertThat(throttle.refusal("pianificatore", "10.0.0.7")).isPresent();
		assertThat(throttle.refusal("pianificatore", "10.0.0.8")).isEmpty();
	}

	@Test
	void aRightPasswordClearsTheUsersCountButNotTheAddresss() {
		var throttle = throttle(100);
		for (int i = 0; i < 4; i++) {
			throttle.failed("rossi", "10.0.0.1");
		}
		throttle.succeeded("rossi");
		for (int i = 0; i < 4; i++) {
			throttle.failed("rossi", "10.0.0.2");
		}

		assertThat(throttle.refusal("rossi", "10.0.0.3")).isEmpty();
	}

	@Test
	void memoryIsBoundedByForgettingTheLeastRecentlySeen() {
		var throttle = throttle(3);
		for (int i = 0; i < 5; i++) {
			throttle.failed("rossi", "10.0.0.1");
		}
		for (int i = 0; i < 3; i++) {
			throttle.failed("altro-" + i, "10.0.1." + i);
		}

		assertThat(throttle.refusal("rossi", "10.0.2.1")).isEmpty();
	}
}
