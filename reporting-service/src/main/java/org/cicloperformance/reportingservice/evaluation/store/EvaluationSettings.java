package org.cicloperformance.reportingservice.evaluation.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.evaluation.*}: the evaluation policy in force (a JSON document, by default the example shipped
 * with the service: an example, not from the seed), the review period a manager has after a proposal to ask for a
 * review (policy, not law), and the smallest group the transparency tables show (policy). Defaults stated here only.
 */
@ConfigurationProperties("reporting.evaluation")
record EvaluationSettings(
		@DefaultValue("classpath:evaluation/politica-valutazione-esempio.json") String policy,
		@DefaultValue("15d") Duration reviewPeriod, @DefaultValue("3") int transparencyThreshold) {
}
