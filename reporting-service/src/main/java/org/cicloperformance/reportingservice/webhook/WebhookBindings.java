package org.cicloperformance.reportingservice.webhook;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the webhooks' consumer group only while some webhook is registered. Its bindings are declared with
 * {@code auto-startup: false}: a second consumer group reading every result event costs the broker and this
 * service a second fetch of each record, which a body without webhooks should not pay on its busiest day.
 * <p>
 * The group keeps its committed offsets while stopped and resumes from them, or from the earliest record when it
 * has never run; either way an event older than a subscription is filtered out by the subscription itself
 * ({@link Subscription#wants}), so a late start loses nothing and sends nothing twice. A registration on this
 * instance starts the group at once; one on another replica is seen within {@code subscriptions-refresh}.
 * <p>
 * Bindings change state on a thread of their own: a consumer thread that refreshes the subscriptions must never
 * be the one that stops its own container.
 */
@Component
class WebhookBindings implements DisposableBean {

	static final List<String> BINDINGS = List.of("webhookResults-in-0", "webhookCheckpoints-in-0",
			"webhookHrFeed-in-0");

	private static final Logger log = LoggerFactory.getLogger(WebhookBindings.class);

	private final BindingsLifecycleController bindings;

	private final WebhookSubscriptions subscriptions;

	private final WebhookSettings settings;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "webhook-bindings");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean ready;

	WebhookBindings(BindingsLifecycleController bindings, WebhookSubscriptions subscriptions,
			WebhookSettings settings) {
		this.bindings = bindings;
		this.subscriptions = subscriptions;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		ready = true;
		check();
	}

	/** Catches the registrations and deletions made on other replicas. */
	@Scheduled(fixedDelayString = "#{@'" + WebhookSettings.BEAN + "'.subscriptionsRefresh().toMillis()}",
			initialDelayString = "#{@'" + WebhookSettings.BEAN + "'.subscriptionsRefresh().toMillis()}")
	void check() {
		if (ready) {
			subscriptions.refresh();
		}
	}

	@EventListener
	void subscriptionsChanged(WebhookSubscriptions.Changed changed) {
		if (ready) {
			worker.execute(() -> align(settings.enabled() && changed.anyActive()));
		}
	}

	boolean running() {
		return BINDINGS.stream().allMatch(this::running);
	}

	boolean stopped() {
		return BINDINGS.stream().noneMatch(this::running);
	}

	private boolean running(String name) {
		List<Binding<?>> found = bindings.queryState(name);
		return found != null && !found.isEmpty() && found.stream().allMatch(Binding::isRunning);
	}

	private void align(boolean wanted) {
		for (String name : BINDINGS) {
			try {
				if (wanted && !running(name)) {
					bindings.start(name);
					log.info("Webhook consumer {} started: a webhook is registered", name);
				}
				else if (!wanted && running(name)) {
					bindings.stop(name);
					log.info("Webhook consumer {} stopped: no webhook is registered", name);
				}
			}
			catch (RuntimeException e) {
				// the next refresh tries again; until then events wait in the topic, nothing is lost
				log.warn("Webhook consumer {} could not change state: {}", name, e.toString());
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		ready = false;
		worker.shutdownNow();
		worker.awaitTermination(5, TimeUnit.SECONDS);
	}
}
