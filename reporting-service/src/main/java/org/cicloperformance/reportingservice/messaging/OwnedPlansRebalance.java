package org.cicloperformance.reportingservice.messaging;

import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.cicloperformance.reportingservice.score.ScoringService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * The single-writer handover: events are keyed by plan id, so whoever owns a partition of {@code plan-events} or
 * {@code result-events} owns the score documents of its plans. When partitions move, the scoring state this
 * instance holds in memory is dropped: revoked plans are no longer its own (the next owner reads them from the
 * store, where this instance's last batch is, since the binder commits after it was written), assigned ones may
 * have been written by the previous owner meanwhile. The binder calls this on the consumer's thread, between
 * batches, so no batch is in flight on that consumer.
 */
@Component
class OwnedPlansRebalance implements KafkaBindingRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(OwnedPlansRebalance.class);

	private final ScoringService scoring;

	OwnedPlansRebalance(ScoringService scoring) {
		this.scoring = scoring;
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
			Collection<TopicPartition> partitions) {
		forget(bindingName, "revoked", partitions);
	}

	@Override
	public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
			Collection<TopicPartition> partitions, boolean initial) {
		forget(bindingName, "assigned", partitions);
	}

	private void forget(String bindingName, String what, Collection<TopicPartition> partitions) {
		if (partitions.isEmpty() || !(bindingName.startsWith("resultEvents") || bindingName.startsWith("planEvents"))) {
			return;
		}
		scoring.forgetOwnedState();
		log.info("partitions {} of {}: scoring state dropped, read again from the store on next use", what,
				partitions);
	}
}
