package org.cicloperformance.reportingservice.hr.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cicloperformance.reportingservice.checkpoint.CheckpointEvent;
import org.cicloperformance.reportingservice.checkpoint.ClosingAnnouncements;
import org.cicloperformance.reportingservice.checkpoint.FinalScoreDocument;
import org.cicloperformance.reportingservice.checkpoint.OutboxEntry;
import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.hr.HrFeedService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events on {@code hr-feed}, keyed by plan id; contract {@code contract/hr-feed.schema.json}. Their ids derive
 * from the plan, the checkpoint and the closing, so a consumer recognises a re-sent one.
 */
@Component
class HrFeedEvents implements ClosingAnnouncements {

	static final String PUBLISHED = "HrFeedPublished";

	static final String WITHDRAWN = "HrFeedWithdrawn";

	/**
	 * The event version this producer writes: 2 adds, to the rows, the optional {@code evaluation} and
	 * {@code resultPay}; an event without {@code schemaVersion} is version 1 (no such fields).
	 */
	static final int SCHEMA_VERSION = 2;

	/** The final feed of a closing: the rows of the JSON feed, status {@code FINAL}. */
	record HrFeedPublished(String type, String eventId, String planId, String entity, String checkpoint,
			String checkpointLabel, boolean finalCheckpoint, int closing, String status, boolean payable,
			int planVersion, int policyVersion, Instant closedAt, String closedBy, Instant computedAt,
			Instant occurredAt, List<HrFeed.Row> rows,
			@JsonInclude(JsonInclude.Include.NON_NULL) Integer schemaVersion) {
	}

	/** Closing {@code n} reopened: its final feed no longer holds; HR waits for the next closing. */
	record HrFeedWithdrawn(String type, String eventId, String planId, String entity, String checkpoint, int closing,
			String reason, Instant reopenedAt, String reopenedBy, Instant occurredAt) {
	}

	private final HrFeedService feeds;

	private final JsonMapper json;

	private final Clock clock;

	HrFeedEvents(HrFeedService feeds, JsonMapper json, Clock clock) {
		this.feeds = feeds;
		this.json = json;
		this.clock = clock;
	}

	static String eventId(String type, String planId, String checkpoint, int closing) {
		return UUID.nameUUIDFromBytes((type + "#" + planId + "#" + checkpoint + "#" + closing)
				.getBytes(StandardCharsets.UTF_8)).toString();
	}

	@Override
	public OutboxEntry scored(FinalScoreDocument document) {
		HrFeed feed = feeds.feed(document.asScoreDocument(), document.closing());
		Instant now = clock.instant();
		HrFeedPublished event = new HrFeedPublished(PUBLISHED,
				eventId(PUBLISHED, document.planId(), document.checkpoint(), document.closing()), document.planId(),
				document.entity(), document.checkpoint(), feed.checkpointLabel(), document.finalCheckpoint(),
				document.closing(), feed.status(), feed.payable(), feed.planVersion(), feed.policyVersion(),
				document.closedAt(), document.closedBy(), feed.computedAt(), now, feed.rows(), SCHEMA_VERSION);
		return new OutboxEntry(event.eventId(), document.planId(), PUBLISHED, json.writeValueAsString(event),
				now.toEpochMilli());
	}

	@Override
	public OutboxEntry withdrawn(CheckpointEvent reopened) {
		Instant now = clock.instant();
		HrFeedWithdrawn event = new HrFeedWithdrawn(WITHDRAWN,
				eventId(WITHDRAWN, reopened.planId(), reopened.checkpoint(), reopened.closing()), reopened.planId(),
				reopened.entity(), reopened.checkpoint(), reopened.closing(), reopened.reason(),
				reopened.occurredAt(), reopened.causedBy(), now);
		return new OutboxEntry(event.eventId(), reopened.planId(), WITHDRAWN, json.writeValueAsString(event),
				now.toEpochMilli());
	}
}
