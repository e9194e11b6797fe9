package org.cicloperformance.monitoringservice.evidence.web;

import java.util.regex.Pattern;
import org.cicloperformance.monitoringservice.evidence.EvidenceSettings;
import org.cicloperformance.monitoringservice.security.UploadLimit;
import org.springframework.stereotype.Component;

/** An evidence upload may carry the largest file accepted plus its multipart envelope. */
@Component
class EvidenceUploadLimit implements UploadLimit {

	/** {@code /api/results/{planId}/{objective}/{indicator}/{checkpoint}/evidence} */
	static final Pattern EVIDENCE_UPLOAD = Pattern.compile("/api/results/[^/]+/[^/]+/[^/]+/[^/]+/evidence");

	private final long maxBytes;

	EvidenceUploadLimit(EvidenceSettings settings) {
		this.maxBytes = settings.maxRequestSize().toBytes();
	}

	@Override
	public boolean covers(String path) {
		return EVIDENCE_UPLOAD.matcher(path).matches();
	}

	@Override
	public long maxBytes() {
		return maxBytes;
	}

}
