package org.cicloperformance.reportingservice.webhook;

import java.util.List;
import java.util.Set;

/** The event types a webhook may subscribe to, and the topic each comes from. */
final class WebhookEvents {

	static final String RESULT_RECORDED = "ResultRecorded";

	static final String CHECKPOINT_CLOSED = "CheckpointClosed";

	static final String CHECKPOINT_REOPENED = "CheckpointReopened";

	static final String HR_FEED_PUBLISHED = "HrFeedPublished";

	static final String HR_FEED_WITHDRAWN = "HrFeedWithdrawn";

	/** In the order the API lists them. */
	static final List<String> TYPES = List.of(RESULT_RECORDED, CHECKPOINT_CLOSED, CHECKPOINT_REOPENED,
			HR_FEED_PUBLISHED, HR_FEED_WITHDRAWN);

	static final Set<String> KNOWN = Set.copyOf(TYPES);

	private WebhookEvents() {
	}
}
