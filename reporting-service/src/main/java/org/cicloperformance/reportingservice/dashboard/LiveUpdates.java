package org.cicloperformance.reportingservice.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.cicloperformance.reportingservice.score.ScoresChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open dashboard pages, per plan, as server-sent event emitters. A {@link ScoresChanged} is fanned out on a
 * thread of its own, so that a slow browser never holds up the Kafka consumer that wrote the scores. Emitters
 * leave the registry when they complete, time out or fail; all are completed when the application stops, so
 * that the graceful shutdown does not wait for open pages. A stopped registry can start again (a test framework
 * pauses and resumes contexts it does not use): the sending thread belongs to one start.
 */
@Component
class LiveUpdates implements SmartLifecycle {

	static final String EVENT = "scores-changed";

	/** Browsers reconnect by themselves (EventSource), so a bounded lifetime costs nothing. */
	static final Duration TIMEOUT = Duration.ofMinutes(15);

	private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

	private final Map<String, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();

	private volatile ExecutorService sender;

	private final JsonMapper json;

	private volatile boolean running;

	LiveUpdates(JsonMapper json) {
		this.json = json;
	}

	SseEmitter subscribe(String planId) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Set<SseEmitter> forPlan = emitters.computeIfAbsent(planId, id -> ConcurrentHashMap.newKeySet());
		forPlan.add(emitter);
		Runnable remove = () -> forPlan.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		try {
			// the first bytes make the browser's EventSource open now rather than at the first change
			emitter.send(SseEmitter.event().comment("connected").reconnectTime(5_000));
		}
		catch (IOException e) {
			remove.run();
		}
		return emitter;
	}

	@EventListener
	void onScoresChanged(ScoresChanged changed) {
		Set<SseEmitter> forPlan = emitters.get(changed.planId());
		if (forPlan == null || forPlan.isEmpty() || !running) {
			return;
		}
		String data = json.writeValueAsString(Map.of("planId", changed.planId(), "checkpoint", changed.checkpoint(),
				"revision", changed.revision()));
		ExecutorService current = sender;
		if (current == null) {
			return;
		}
		Runnable send = () -> {
			for (SseEmitter emitter : List.copyOf(forPlan)) {
				try {
					emitter.send(SseEmitter.event().name(EVENT).data(data));
				}
				catch (IOException | IllegalStateException gone) {
					forPlan.remove(emitter);
					log.debug("dashboard page gone: {}", gone.getMessage());
				}
			}
		};
		try {
			current.execute(send);
		}
		catch (RejectedExecutionException stopping) {
			// the application is stopping: the pages lose one refresh, never the write that caused it
			log.debug("live update not sent: {}", stopping.getMessage());
		}
	}

	int subscribers(String planId) {
		return emitters.getOrDefault(planId, Set.of()).size();
	}

	@Override
	public void start() {
		sender = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "dashboard-live-updates");
			thread.setDaemon(true);
			return thread;
		});
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		emitters.values().forEach(set -> {
			set.forEach(SseEmitter::complete);
			set.clear();
		});
		ExecutorService stopped = sender;
		sender = null;
		if (stopped == null) {
			return;
		}
		stopped.shutdown();
		try {
			stopped.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the web server's graceful shutdown, which would otherwise wait for the open streams. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}
}
