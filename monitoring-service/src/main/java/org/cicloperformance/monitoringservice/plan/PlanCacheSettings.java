package org.cicloperformance.monitoringservice.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code monitoring.plan-cache.*}: the plan versions kept in memory, decoded, all plans together (a version of ~250
 * indicators takes ~220 KB).
 */
@ConfigurationProperties("monitoring.plan-cache")
record PlanCacheSettings(@DefaultValue("400") long maxVersions) {
}
