package org.cicloperformance.reportingservice.security;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metric tags come only from a fixed set. A tag fed by input (an event's {@code type}, a refusal's {@code reason})
 * would otherwise make one time series per value an attacker invents, on a page every scraper reads. Values outside
 * the set become {@code other}; the same class in the three services.
 */
@Configuration(proxyBeanMethods = false)
class MetricTagBounds {

	static final String OTHER = "other";

	/** The event types of the contracts (docs/events), and the fallbacks naming the consumed class. */
	static final Set<String> EVENT_TYPES = Set.of("PlanPublished", "PlanRevised", "ResultRecorded", "EvidenceAttached",
			"CheckpointSubmitted", "CheckpointReviewStarted", "VerdictRecorded", "CheckpointClosed",
			"CheckpointReopened", "HrFeedPublished", "HrFeedWithdrawn", "EvaluationFinalised", "ResultPayRevised",
			"PlanEvent", "ResultEvent", "CheckpointEvent");

	/** Codes written by the services themselves: short, lower case, hyphens and dots. */
	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");

	/** Tag keys whose values may come from a request or an event. */
	static final Set<String> FED_BY_INPUT = Set.of("type", "reason", "outcome", "field", "code");

	@Bean
	MeterFilter boundedTagValues() {
		return new MeterFilter() {
			@Override
			public Meter.Id map(Meter.Id id) {
				List<Tag> tags = new ArrayList<>();
				boolean changed = false;
				for (Tag tag : id.getTagsAsIterable()) {
					String bounded = bound(tag.getKey(), tag.getValue());
					changed |= !bounded.equals(tag.getValue());
					tags.add(Tag.of(tag.getKey(), bounded));
				}
				return changed ? id.replaceTags(tags) : id;
			}
		};
	}

	static String bound(String key, String value) {
		if (!FED_BY_INPUT.contains(key)) {
			return value;
		}
		if (key.equals("type")) {
			return EVENT_TYPES.contains(value) ? value : OTHER;
		}
		return CODE.matcher(value).matches() ? value : OTHER;
	}
}
