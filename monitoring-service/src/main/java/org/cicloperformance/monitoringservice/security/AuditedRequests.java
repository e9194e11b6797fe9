package org.cicloperformance.monitoringservice.security;

import jakarta.servlet.Filter;

/**
 * What security tells the audit trail about a request, so that security does not depend on the audit package:
 * the audit filter implements {@link Recorder}, and reads these request attributes.
 */
public final class AuditedRequests {

	/** Set by whoever knows better than the status what happened (a failed login answers with a redirect). */
	public static final String REFUSED_AS = AuditedRequests.class.getName() + ".refusedAs";

	/** The name a refused login tried, recorded instead of "anonimo". */
	public static final String ATTEMPTED_USER = AuditedRequests.class.getName() + ".attemptedUser";

	/** The entity of the user a refused login tried, if known: the entity's auditors see attempts on its users. */
	public static final String ATTEMPTED_ENTITY = AuditedRequests.class.getName() + ".attemptedEntity";

	private AuditedRequests() {
	}

	/** The filter that records every request; the security chain places it around authentication. */
	public interface Recorder extends Filter {
	}

}
