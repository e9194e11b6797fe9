package org.cicloperformance.reportingservice.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.alerts.*}: where the alerts' "propose a revision" link leads, plan-service's address as the
 * reader's browser reaches it ({@code REPORTING_ALERTS_PLANSERVICEURL}): the proposals flow is plan-service's API,
 * opened at its operation in plan-service's API page.
 */
@ConfigurationProperties("reporting.alerts")
record AlertSettings(@DefaultValue("http://localhost:8081") String planServiceUrl) {
}
