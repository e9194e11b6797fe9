package org.cicloperformance.monitoringservice.checkpoint;

/** Where a plan's checkpoint is in the OIV validation workflow. A checkpoint without a document is OPEN. */
enum CheckpointStatus {
	/** Area offices record results. */
	OPEN,
	/** Every manager with indicators due has submitted: waiting for the OIV. */
	SUBMITTED,
	/** The OIV judges each due indicator; only rejected indicators may be corrected. */
	UNDER_REVIEW,
	/** Every due indicator has a counting verdict: results are frozen. */
	CLOSED
}
