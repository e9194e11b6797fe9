package org.cicloperformance.planservice.plan;

public enum PlanStatus {
	/** Editable; not visible to the other services. */
	DRAFT,
	/** Immutable; changed only through revisions, each a new version. */
	APPROVED
}
