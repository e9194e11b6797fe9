package org.cicloperformance.reportingservice.alert;

import java.util.List;

/**
 * The body of {@code PUT /api/plans/{planId}/alert-mail}: {@code enabled} (required), {@code language} ({@code it}
 * by default, or {@code en}), {@code plannerEmail}, {@code managers} (the plan's manager ids with their addresses),
 * {@code clearedNotes} (a note when an alert clears; off by default).
 */
public record AlertMailRequest(Boolean enabled, String language, String plannerEmail,
		List<AlertMailPolicy.ManagerContact> managers, Boolean clearedNotes) {
}
