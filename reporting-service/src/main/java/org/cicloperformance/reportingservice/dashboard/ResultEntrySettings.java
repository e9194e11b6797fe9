package org.cicloperformance.reportingservice.dashboard;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code reporting.result-entry.*}: where the dashboard's result entry sends the area offices' results —
 * monitoring-service's own result API ({@code monitoring-url}, the local stack's port by default;
 * {@code REPORTING_RESULT_ENTRY_MONITORING_URL}) —, how long it waits for an answer, and the largest evidence file
 * the form accepts (monitoring-service's own limit, {@code monitoring.evidence.max-file-size}, by default).
 */
@ConfigurationProperties("reporting.result-entry")
record ResultEntrySettings(@DefaultValue("http://localhost:8082") URI monitoringUrl,
		@DefaultValue("10s") Duration timeout, @DefaultValue("10MB") DataSize maxFileSize) {
}
