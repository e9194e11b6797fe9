package org.cicloperformance.reportingservice.checkpoint;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries the closings whose final scores wait for facts: the judged result versions and the plan come on other
 * topics than the closing, and may arrive after it.
 */
@Component
class PendingClosings {

	private static final Logger log = LoggerFactory.getLogger(PendingClosings.class);

	private final CheckpointStates states;

	private final CheckpointService checkpoints;

	PendingClosings(CheckpointStates states, CheckpointService checkpoints) {
		this.states = states;
		this.checkpoints = checkpoints;
	}

	@Scheduled(fixedDelayString = "${reporting.checkpoints.retry-interval:5s}",
			initialDelayString = "${reporting.checkpoints.retry-interval:5s}")
	void retry() {
		List<CheckpointState> pending;
		try {
			pending = states.withPendingClosings();
		}
		catch (RuntimeException e) {
			log.warn("Pending closings not readable now, retried on the next round: {}", e.getMessage());
			return;
		}
		for (CheckpointState state : pending) {
			for (int closing : state.pendingClosings()) {
				try {
					checkpoints.scoreClosing(state.planId(), state.checkpoint(), closing);
				}
				catch (RuntimeException e) {
					// one closing that cannot be scored must not hold up the others
					log.warn("Closing {} of {} at {} not scored yet, retried on the next round: {}", closing,
							state.planId(), state.checkpoint(), e.getMessage());
				}
			}
		}
	}
}
