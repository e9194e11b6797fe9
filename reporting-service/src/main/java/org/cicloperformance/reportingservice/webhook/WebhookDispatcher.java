package org.cicloperformance.reportingservice.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the queued deliveries, at most {@code concurrency} at once, each on a thread of its own pool, so that a
 * slow or dead receiver occupies at most those threads and its timeouts: neither the consumers nor the scheduler
 * wait for it. Each round claims as many due deliveries as there are free threads; an attempt that fails is tried
 * again after a doubling back-off, and after {@code max-attempts} the delivery stays as a dead letter.
 */
@Component
class WebhookDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookDeliveries deliveries;

	private final WebhookSubscriptions subscriptions;

	private final WebhookSender sender;

	private final WebhookSettings settings;

	private final MeterRegistry meters;

	private final Clock clock;

	private final ExecutorService pool;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicBoolean busy = new AtomicBoolean();

	private final AtomicBoolean woken = new AtomicBoolean();

	private final String instance = UUID.randomUUID().toString();

	WebhookDispatcher(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions, WebhookSender sender,
			WebhookSettings settings, MeterRegistry meters, Clock clock) {
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.sender = sender;
		this.settings = settings;
		this.meters = meters;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
			Thread thread = new Thread(runnable, "webhook-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** A consumer queued deliveries: send them now rather than at the next round. */
	void wake() {
		if (settings.enabled() && woken.compareAndSet(false, true)) {
			try {
				pool.execute(() -> {
					woken.set(false);
					round();
				});
			}
			catch (RejectedExecutionException e) {
				woken.set(false);
			}
		}
	}

	@Scheduled(fixedDelayString = "#{@'" + WebhookSettings.BEAN + "'.pollInterval().toMillis()}",
			initialDelayString = "#{@'" + WebhookSettings.BEAN + "'.pollInterval().toMillis()}")
	void scheduledRound() {
		if (settings.enabled()) {
			round();
		}
	}

	/** Claims due deliveries while a thread is free; one round at a time in this instance. */
	void round() {
		if (!busy.compareAndSet(false, true)) {
			return;
		}
		try {
			while (inFlight.get() < settings.concurrency()) {
				Instant now = clock.instant();
				Optional<WebhookDeliveries.Claimed> next = deliveries.claim(instance + ":" + UUID.randomUUID(), now,
						now.plus(settings.lease()), settings.maxAttempts());
				if (next.isEmpty()) {
					return;
				}
				inFlight.incrementAndGet();
				try {
					pool.execute(() -> {
						try {
							attempt(next.get());
						}
						finally {
							inFlight.decrementAndGet();
						}
					});
				}
				catch (RejectedExecutionException e) {
					// shutting down: the claim's lease runs out and another instance takes it over
					inFlight.decrementAndGet();
					return;
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("webhook deliveries not claimable now, tried again on the next round: {}", e.getMessage());
		}
		finally {
			busy.set(false);
		}
	}

	private void attempt(WebhookDeliveries.Claimed claimed) {
		Delivery delivery = claimed.delivery();
		try {
			Optional<WebhookSubscriptions.Active> subscription;
			try {
				subscription = subscriptions.active(delivery.subscriptionId());
			}
			catch (WebhookSecrets.Unreadable e) {
				// a key missing or wrong: the attempt fails with the reason (retried, then a dead letter), never unsigned
				log.warn("webhook {} not sent: {}", delivery.id(), e.getMessage());
				recordFailure(delivery, claimed, new Delivery.Attempt(delivery.attempts(), clock.instant(), null,
						"secret-unreadable: " + e.getMessage(), 0));
				return;
			}
			if (subscription.isEmpty()) {
				deliveries.cancelled(claimed, clock.instant());
				return;
			}
			Delivery.Attempt attempt = sender.send(subscription.get(), delivery, claimed.body());
			if (attempt.error() == null) {
				deliveries.delivered(claimed, attempt);
				meters.counter("reporting.webhooks.deliveries", "outcome", "delivered").increment();
				return;
			}
			recordFailure(delivery, claimed, attempt);
		}
		catch (RuntimeException e) {
			// MongoDB unavailable: the claim's lease runs out and the delivery is tried again
			log.warn("webhook {} attempt not recorded: {}", delivery.id(), e.getMessage());
		}
	}

	private void recordFailure(Delivery delivery, WebhookDeliveries.Claimed claimed, Delivery.Attempt attempt) {
		boolean last = delivery.attempts() >= settings.maxAttempts();
		deliveries.failed(claimed, attempt,
				last ? null : attempt.at().plus(settings.backoffAfter(delivery.attempts())));
		meters.counter("reporting.webhooks.deliveries", "outcome", last ? "dead" : "retried").increment();
		if (last) {
			log.warn("webhook {} of {} dead after {} attempts: {}", delivery.id(), delivery.eventType(),
					delivery.attempts(), attempt.error());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		pool.shutdownNow();
		pool.awaitTermination(5, TimeUnit.SECONDS);
	}
}
