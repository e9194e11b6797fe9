package org.cicloperformance.reportingservice.dashboard;

import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.security.UploadLimit;
import org.springframework.stereotype.Component;

/**
 * The result entry form's POST carries the evidence file: up to {@code reporting.result-entry.max-file-size} (10 MB,
 * monitoring-service's own evidence limit) plus the form's fields and the multipart envelope, where every other body
 * of this service stays under 64 KB.
 */
@Component
class EntryUploadLimit implements UploadLimit {

	/** {@code /dashboard/plans/{plan}/entry/{objective}/{indicator}}, the form's own POST. */
	private static final Pattern FORM = Pattern.compile("/dashboard/plans/[^/]+/entry/[^/]+/[^/]+");

	static final long ENVELOPE = 64 * 1024;

	private final long maxBytes;

	EntryUploadLimit(ResultEntrySettings settings) {
		this.maxBytes = settings.maxFileSize().toBytes() + ENVELOPE;
	}

	@Override
	public boolean covers(String path) {
		return FORM.matcher(path).matches();
	}

	@Override
	public long maxBytes() {
		return maxBytes;
	}
}
