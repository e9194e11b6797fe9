package org.cicloperformance.reportingservice.hr.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.hr-feed.*}: how often the relay sends the HR feed events waiting in their documents
 * ({@code REPORTING_HR_FEED_RELAY_INTERVAL} in the environment). The default is stated here only.
 */
@ConfigurationProperties(HrFeedRelaySettings.PREFIX)
record HrFeedRelaySettings(@DefaultValue("500ms") Duration relayInterval) {

	static final String PREFIX = "reporting.hr-feed";

	/** The bean's name as Boot registers a scanned settings record: prefix, dash, class name. */
	static final String BEAN = PREFIX + "-org.cicloperformance.reportingservice.hr.messaging.HrFeedRelaySettings";
}
