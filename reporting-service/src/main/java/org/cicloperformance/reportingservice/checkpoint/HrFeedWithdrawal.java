package org.cicloperformance.reportingservice.checkpoint;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The reopening of closing {@code n} whose final HR feed had been written: inserted once (its id is the closing's),
 * with {@code HrFeedWithdrawn} in {@code outbox}, so a duplicate or a replay of the reopening queues nothing.
 */
@Document("hr_feed_withdrawals")
record HrFeedWithdrawal(@Id String id, String planId, String checkpoint, int closing, String reason,
		Instant reopenedAt, String reopenedBy, List<OutboxEntry> outbox) {

	public HrFeedWithdrawal {
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
	}
}
