package org.cicloperformance.reportingservice.alert;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs a round of alert e-mails every {@code reporting.alert-mail.interval} on a thread of its own, when they are
 * enabled and an SMTP relay is configured; otherwise it says so once and does nothing. Every replica runs it: the
 * alerts' states and the ledger's claims make each message go once.
 */
@Component
class AlertMailScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AlertMailScheduler.class);

	private final AlertMailRun run;

	private final AlertMailSettings settings;

	private volatile ScheduledExecutorService executor;

	AlertMailScheduler(AlertMailRun run, AlertMailSettings settings) {
		this.run = run;
		this.settings = settings;
	}

	@Override
	public void start() {
		if (!run.canSend()) {
			log.info("forecast alerts by e-mail are off: reporting.alert-mail.enabled={}, SMTP relay "
					+ "(spring.mail.host) {}", settings.enabled(), run.hasRelay() ? "set" : "not set");
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "alert-mails");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(1000, settings.interval().toMillis());
		executor.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
	}

	private void round() {
		try {
			int sent = run.runOnce();
			if (sent > 0) {
				log.info("{} alert e-mails sent", sent);
			}
		}
		catch (RuntimeException e) {
			// the next round tries again (a database or relay outage must not stop the schedule)
			log.warn("alert e-mail round failed: {}", e.toString());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = executor;
		if (running != null) {
			running.shutdownNow();
			executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}
}
