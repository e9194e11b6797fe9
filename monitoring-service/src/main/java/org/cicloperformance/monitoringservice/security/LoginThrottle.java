package org.cicloperformance.monitoringservice.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per user name and per address, in memory, within a fixed window from the first failure.
 * A key at its limit is refused until its window ends, even with the right password (else guessing would simply
 * go on). Memory is bounded: beyond {@code tracked} keys the least recently seen is forgotten, which favours an
 * attacker only once it already sprays from more addresses than that. Per instance: with several replicas each
 * counts its own share, which still caps guessing at a small multiple.
 */
@Component
class LoginThrottle {

	private final LoginThrottleSettings settings;

	private final Clock clock;

	private final Counters users;

	private final Counters addresses;

	LoginThrottle(LoginThrottleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.users = new Counters(settings.tracked());
		this.addresses = new Counters(settings.tracked());
	}

	/** How long the caller must wait, if the user name or the address is at its limit. */
	public Optional<Duration> refusal(String user, String address) {
		Instant now = clock.instant();
		Duration wait = max(users.wait(key(user), settings.perUser(), settings.window(), now),
				addresses.wait(address, settings.perAddress(), settings.window(), now));
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	public void failed(String user, String address) {
		Instant now = clock.instant();
		users.add(key(user), settings.window(), now);
		addresses.add(address, settings.window(), now);
	}

	/** A right password clears the user's count (not the address's: one good account must not hide a spray). */
	public void succeeded(String user) {
		users.clear(key(user));
	}

	private static String key(String user) {
		return user == null ? null : user.toLowerCase(Locale.ROOT);
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	private record Window(Instant start, int failures) {
	}

	/** Least recently used first; synchronized, as logins are rare next to the work they guard. */
	private static final class Counters {

		private final Map<String, Window> windows;

		Counters(int capacity) {
			this.windows = new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
					return size() > capacity;
				}
			};
		}

		synchronized void add(String key, Duration window, Instant now) {
			if (key == null) {
				return;
			}
			Window current = windows.get(key);
			if (current == null || !now.isBefore(current.start().plus(window))) {
				windows.put(key, new Window(now, 1));
			}
			else {
				windows.put(key, new Window(current.start(), current.failures() + 1));
			}
		}

		synchronized Duration wait(String key, int limit, Duration window, Instant now) {
			Window current = key == null ? null : windows.get(key);
			if (current == null || current.failures() < limit) {
				return Duration.ZERO;
			}
			Duration left = Duration.between(now, current.start().plus(window));
			if (left.isNegative() || left.isZero()) {
				windows.remove(key);
				return Duration.ZERO;
			}
			return left;
		}

		synchronized void clear(String key) {
			if (key != null) {
				windows.remove(key);
			}
		}
	}
}
