package org.cicloperformance.monitoringservice.checkpoint;

import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Service;

/** The checkpoint as the API shows it: state, managers due, submissions, due indicators and verdicts, history. */
@Service
public class ViewingCheckpoint {

	private final CheckpointTransitions transitions;

	ViewingCheckpoint(CheckpointTransitions transitions) {
		this.transitions = transitions;
	}

	public CheckpointView view(Actor actor, String planId, String checkpoint) {
		return transitions.view(actor, planId, checkpoint);
	}
}
