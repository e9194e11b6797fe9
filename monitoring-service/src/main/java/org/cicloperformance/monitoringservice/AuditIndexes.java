package org.cicloperformance.monitoringservice;

import org.cicloperformance.monitoringservice.audit.AuditTrail;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail's indexes, created with the others. Here, not in {@code audit/}, because the audit package is kept
 * the same in the three services (its own copy in each, checked for drift).
 */
@Configuration(proxyBeanMethods = false)
class AuditIndexes {

	@Bean
	Indexed auditTrailIndexes(AuditTrail audit) {
		return audit::createIndexes;
	}
}
