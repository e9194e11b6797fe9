package org.cicloperformance.reportingservice.evaluation.store;

import org.cicloperformance.reportingservice.checkpoint.OutboxEntry;

/**
 * The events that announce a scheda version made FINAL and a managers' fund entered, with the pay table they change (implemented by the HR feed,
 * which owns the {@code hr-feed} contract). Built before the write that queues it and deterministic in its id: the
 * same scheda version always gives the same {@code eventId}.
 */
public interface EvaluationAnnouncements {

	/** {@code finalised} is the version as it is about to be written, FINAL; the pay table counts it in. */
	OutboxEntry finalised(SchedaDocument finalised);

	/**
	 * A managers' fund version about to be inserted, with the pay table it changes; null while no scheda is FINAL
	 * (there is no pay table yet: the first {@code EvaluationFinalised} will carry it).
	 */
	OutboxEntry fundEntered(FundDocument entered);
}
