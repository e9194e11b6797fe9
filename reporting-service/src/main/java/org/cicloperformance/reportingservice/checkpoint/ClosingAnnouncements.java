package org.cicloperformance.reportingservice.checkpoint;

/**
 * The events that announce a closing's final scores and the reopening that withdraws them (implemented by the HR
 * feed, which owns the {@code hr-feed} contract). Each is built before the write that queues it, and must be
 * deterministic in its id: the same closing always gives the same {@code eventId}.
 */
public interface ClosingAnnouncements {

	OutboxEntry scored(FinalScoreDocument document);

	OutboxEntry withdrawn(CheckpointEvent reopened);
}
