package org.cicloperformance.reportingservice.result;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.interim.*}: whether results at an interim period of monitoring's calendar are scored. Policy
 * (docs/monitoring.md), off by default: interim periods are monitored (the forecast, the completion board), never
 * scored, unless the SMVP says so. {@code scored=true} is that hook: it lets interim results reach the scorer, which
 * still scores a result only at a checkpoint of the plan version in force, with targets there; so the SMVP's choice
 * also needs the plan to define the period as a checkpoint. Kept as facts either way.
 */
@ConfigurationProperties("reporting.interim")
public record InterimSettings(@DefaultValue("false") boolean scored) {

	/** The default: interim results are not scored. */
	public static final InterimSettings NOT_SCORED = new InterimSettings(false);

	/** Whether the result goes to the scorer: always at a checkpoint, at an interim period only when set. */
	public boolean scores(ResultEvent event) {
		return scored || !event.atInterimPeriod();
	}
}
