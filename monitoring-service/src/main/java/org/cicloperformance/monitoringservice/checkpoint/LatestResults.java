package org.cicloperformance.monitoringservice.checkpoint;

import java.util.Map;

/**
 * What the workflow needs to know of the results: the latest version of each indicator's result at a checkpoint.
 * Owned here, implemented by the results feature, so the dependency runs one way (results → checkpoints).
 */
public interface LatestResults {

	/** The latest result version of each indicator, by {@link #keyOf(String, String)}. */
	Map<String, Integer> latestVersions(String entity, String planId, String checkpoint);

	static String keyOf(String objective, String indicator) {
		return objective + "|" + indicator;
	}
}
