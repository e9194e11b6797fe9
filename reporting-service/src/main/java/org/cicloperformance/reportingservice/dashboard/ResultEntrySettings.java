package org.cicloperformance.reportingservice.dashboard;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.result-entry.*}: where the dashboard's result entry sends the area offices' results —
 * monitoring-service's own result API ({@code monitoring-url}, the local stack's port by default;
 * {@code REPORTING_RESULT_ENTRY_MONITORING_URL}) — and how long it waits for an answer.
 */
@ConfigurationProperties("reporting.result-entry")
record ResultEntrySettings(@DefaultValue("http://localhost:8082") URI monitoringUrl,
		@DefaultValue("10s") Duration timeout) {
}
