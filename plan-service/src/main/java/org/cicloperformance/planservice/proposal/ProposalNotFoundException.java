package org.cicloperformance.planservice.proposal;

public class ProposalNotFoundException extends RuntimeException {

	public ProposalNotFoundException(String id) {
		super("proposal " + id + " not found");
	}
}
