package org.cicloperformance.reportingservice.evaluation.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.reportingservice.checkpoint.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a fund of the year as HR entered it: the amount, the act that set it and its date. A change is the
 * next version, inserted ({@code planId#code#version}); a version is never overwritten. A managers' fund entered
 * while schede are FINAL queues {@code ResultPayRevised} for {@code hr-feed} in {@code outbox} (never shown by the
 * API), pulled by the relay once Kafka acknowledged it.
 */
@Document("evaluation_funds")
public record FundDocument(@Id String id, String planId, String code, int version, String name, Recipients recipients,
		BigDecimal amount, String act, LocalDate actDate, String source, Instant enteredAt, String enteredBy,
		@JsonIgnore List<OutboxEntry> outbox) {

	@PersistenceCreator
	public FundDocument {
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
	}

	/** A version with nothing queued. */
	public FundDocument(String id, String planId, String code, int version, String name, Recipients recipients,
			BigDecimal amount, String act, LocalDate actDate, String source, Instant enteredAt, String enteredBy) {
		this(id, planId, code, version, name, recipients, amount, act, actDate, source, enteredAt, enteredBy,
				List.of());
	}

	/** Whom a fund pays: the managers (split here by the schede) or the staff (split by the staff's evaluation). */
	public enum Recipients {
		MANAGERS, STAFF
	}

	static String id(String planId, String code, int version) {
		return planId + "#" + code + "#" + version;
	}

	FundDocument withOutbox(OutboxEntry event) {
		return new FundDocument(id, planId, code, version, name, recipients, amount, act, actDate, source, enteredAt,
				enteredBy, List.of(event));
	}
}
