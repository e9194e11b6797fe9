package org.cicloperformance.planservice.plan;

public class PlanNotFoundException extends RuntimeException {

	private final String planId;

	public PlanNotFoundException(String planId) {
		super("plan " + planId + " not found");
		this.planId = planId;
	}

	public String planId() {
		return planId;
	}
}
