package org.cicloperformance.monitoringservice.outbox;

import java.util.Optional;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The failures of a send that concern the record itself, so that no retry can change them: a record larger than the
 * producer's {@code max.request.size} or the topic's {@code max.message.bytes}, a record the broker calls invalid.
 * Everything else (broker down, timeouts, leader changes, authorisation) may pass and holds the events back.
 * Reasons are a fixed set of codes, never the exception's text.
 */
final class Unsendable {

	private Unsendable() {
	}

	static Optional<String> reason(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException) {
				return Optional.of("record-too-large");
			}
			if (t instanceof InvalidRecordException) {
				return Optional.of("invalid-record");
			}
			if (t instanceof SerializationException) {
				return Optional.of("not-serializable");
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return Optional.empty();
	}
}
