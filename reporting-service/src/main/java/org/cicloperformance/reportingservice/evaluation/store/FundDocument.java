package org.cicloperformance.reportingservice.evaluation.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a fund of the year as HR entered it: the amount, the act that set it and its date. A change is the
 * next version, inserted ({@code planId#code#version}); a version is never overwritten.
 */
@Document("evaluation_funds")
public record FundDocument(@Id String id, String planId, String code, int version, String name, Recipients recipients,
		BigDecimal amount, String act, LocalDate actDate, String source, Instant enteredAt, String enteredBy) {

	/** Whom a fund pays: the managers (split here by the schede) or the staff (split by the staff's evaluation). */
	public enum Recipients {
		MANAGERS, STAFF
	}

	static String id(String planId, String code, int version) {
		return planId + "#" + code + "#" + version;
	}
}
