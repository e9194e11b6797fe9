package org.cicloperformance.reportingservice.checkpoint;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Collections {@code final_scores} and {@code hr_feed_withdrawals}: written by inserts only (unique {@code _id}). */
@Component
class FinalScores {

	private final MongoTemplate mongo;

	private final HrFeedOutbox outbox;

	FinalScores(MongoTemplate mongo, HrFeedOutbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	public Optional<FinalScoreDocument> find(String planId, String checkpoint, int closing) {
		return Optional.ofNullable(
				mongo.findById(FinalScoreDocument.id(planId, checkpoint, closing), FinalScoreDocument.class));
	}

	/** False when the closing already has its document (scored, or voided by a reopening). */
	boolean insert(FinalScoreDocument document) {
		return insertOnce(document);
	}

	/** False when this reopening's withdrawal is already queued (or sent). */
	boolean insert(HrFeedWithdrawal withdrawal) {
		return insertOnce(withdrawal);
	}

	private boolean insertOnce(Object document) {
		try {
			mongo.insert(document);
			outbox.queued();
			return true;
		}
		catch (DuplicateKeyException alreadyWritten) {
			return false;
		}
	}
}
