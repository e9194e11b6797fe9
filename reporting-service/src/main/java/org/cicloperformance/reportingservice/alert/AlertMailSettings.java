package org.cicloperformance.reportingservice.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.alert-mail.*}: the forecast alerts by e-mail (issue 18). They are sent only for a plan whose
 * policy turns them on ({@code PUT /api/plans/{planId}/alert-mail}) and only with an SMTP relay
 * ({@code spring.mail.host}); without one nothing is sent, as with monitoring-service's reminders.
 *
 * @param enabled the service-wide switch (the plans' policies decide within it)
 * @param interval how often the forecasts of the plans with a policy on are looked at
 * @param from the sender address
 * @param retryAfter when a failed send is tried again
 * @param maxAttempts attempts of one message at most
 * @param dashboardUrl this service's address as the reader's browser reaches it (the links to the dashboard)
 * @param planServiceUrl plan-service's address as the reader's browser reaches it (the proposals flow)
 */
@ConfigurationProperties("reporting.alert-mail")
record AlertMailSettings(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration interval,
		@DefaultValue("ciclo-performance@localhost") String from, @DefaultValue("PT5M") Duration retryAfter,
		@DefaultValue("5") int maxAttempts, @DefaultValue("http://localhost:8083") String dashboardUrl,
		@DefaultValue("http://localhost:8081") String planServiceUrl) {
}
