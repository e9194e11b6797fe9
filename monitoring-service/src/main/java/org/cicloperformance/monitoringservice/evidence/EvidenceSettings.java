package org.cicloperformance.monitoringservice.evidence;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code monitoring.evidence.*}: the largest file that can be attached to a result (10 MB by default; at most 15 MB, since
 * the bytes are one MongoDB document of at most 16 MB), the content types accepted (PDF, PNG/JPEG images, Office and
 * OpenDocument files, CSV, plain text, ZIP by default) and the longest description.
 */
@ConfigurationProperties("monitoring.evidence")
public record EvidenceSettings(@DefaultValue("10MB") DataSize maxFileSize, List<String> contentTypes,
		@DefaultValue("2000") int maxDescriptionLength) {

	/**
	 * Room for the multipart envelope around the file (boundaries, part headers, the description): the request may
	 * be this much larger than the file.
	 */
	static final DataSize MULTIPART_ALLOWANCE = DataSize.ofKilobytes(64);

	private static final DataSize DOCUMENT_CEILING = DataSize.ofMegabytes(15);

	public EvidenceSettings {
		if (maxFileSize.toBytes() <= 0 || maxFileSize.toBytes() > DOCUMENT_CEILING.toBytes()) {
			throw new IllegalArgumentException("monitoring.evidence.max-file-size must be between 1 byte and 15MB "
					+ "(one MongoDB document holds the file), not " + maxFileSize);
		}
		// the default list is long: it lives with the types' rules, in ContentTypes
		contentTypes = contentTypes == null || contentTypes.isEmpty() ? ContentTypes.DEFAULT : List.copyOf(contentTypes);
	}

	/** The largest upload request: the file and its multipart envelope. */
	public DataSize maxRequestSize() {
		return DataSize.ofBytes(maxFileSize.toBytes() + MULTIPART_ALLOWANCE.toBytes());
	}
}
