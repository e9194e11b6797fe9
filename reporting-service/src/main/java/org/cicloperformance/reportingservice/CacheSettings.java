package org.cicloperformance.reportingservice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reporting.cache.*} ({@code REPORTING_CACHE_PLANVERSIONS}, {@code REPORTING_CACHE_SCOREDOCUMENTS}): sizes of
 * the in-memory caches of the scoring path: {@code planVersions} parsed plan versions (immutable, a few
 * hundred KB each for a plan of 250 indicators), {@code scoreDocuments} score documents as last written by this
 * instance (about as large). Both are filled as events arrive and reloaded from MongoDB on a miss.
 */
@ConfigurationProperties("reporting.cache")
public record CacheSettings(@DefaultValue("256") int planVersions, @DefaultValue("128") int scoreDocuments) {
}
