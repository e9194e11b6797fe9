package org.cicloperformance.planservice.smvp;

/** No SMVP (or no such version of it) for the caller's entity: 404. */
public class SmvpNotFoundException extends RuntimeException {

	private final String smvpId;

	public SmvpNotFoundException(String smvpId) {
		super(smvpId);
		this.smvpId = smvpId;
	}

	public String smvpId() {
		return smvpId;
	}
}
