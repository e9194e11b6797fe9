package org.cicloperformance.reportingservice.evaluation.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation policy in force, read once at start-up and checked: a policy with violations stops the service
 * rather than producing schede under rules nobody adopted.
 */
@Component
public class Policies {

	private final EvaluationPolicy policy;

	private final EvaluationSettings settings;

	Policies(EvaluationSettings settings, ResourceLoader resources, JsonMapper json) {
		this.settings = settings;
		try (InputStream in = resources.getResource(settings.policy()).getInputStream()) {
			this.policy = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
				.readValue(in, EvaluationPolicy.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException("evaluation policy " + settings.policy(), e);
		}
		if (!policy.violations().isEmpty()) {
			throw new IllegalStateException("evaluation policy " + settings.policy() + ": " + policy.violations());
		}
	}

	public EvaluationPolicy policy() {
		return policy;
	}

	public Duration reviewPeriod() {
		return settings.reviewPeriod();
	}

	public int transparencyThreshold() {
		return settings.transparencyThreshold();
	}

	/** Where the policy comes from, shown with every scheda (the example says it is one). */
	public String source() {
		return settings.policy();
	}
}
