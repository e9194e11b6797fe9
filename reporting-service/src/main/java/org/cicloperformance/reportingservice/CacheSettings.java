package org.cicloperformance.reportingservice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.cache.*} ({@code REPORTING_CACHE_PLANVERSIONS}, {@code REPORTING_CACHE_SCOREINDICATORS}): sizes of
 * the in-memory caches of the scoring path: {@code planVersions} parsed plan versions (immutable, a few
 * hundred KB each for a plan of 250 indicators); {@code scoreIndicators} the owned score documents as last written
 * by this instance, bounded by the number of indicator scores they hold, not by documents, because a document's
 * size follows its plan (38 indicators for the seed, 250 for the benchmark's plans). The default holds the whole
 * working set of the 200-plan benchmark (400 documents of ~250 indicators): a bound below the working set makes
 * every miss reload a whole plan's scores, which is what a result must not cost. Both are filled as events arrive
 * and reloaded from MongoDB on a miss.
 */
@ConfigurationProperties("reporting.cache")
public record CacheSettings(@DefaultValue("256") int planVersions, @DefaultValue("100000") int scoreIndicators) {
}
