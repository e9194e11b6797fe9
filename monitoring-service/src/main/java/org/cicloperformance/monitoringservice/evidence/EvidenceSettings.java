package org.cicloperformance.monitoringservice.evidence;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code ciclo.evidence.*}: the largest file that can be attached to a result (10 MB by default; at most 15 MB, since
 * the bytes are one MongoDB document of at most 16 MB), the content types accepted (PDF, PNG/JPEG images, Office and
 * OpenDocument files, CSV, plain text, ZIP by default) and the longest description.
 */
@ConfigurationProperties("ciclo.evidence")
public record EvidenceSettings(DataSize maxFileSize, List<String> contentTypes, Integer maxDescriptionLength) {

	/**
	 * Room for the multipart envelope around the file (boundaries, part headers, the description): the request may
	 * be this much larger than the file.
	 */
	static final DataSize MULTIPART_ALLOWANCE = DataSize.ofKilobytes(64);

	private static final DataSize DOCUMENT_CEILING = DataSize.ofMegabytes(15);

	public EvidenceSettings {
		maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
		if (maxFileSize.toBytes() <= 0 || maxFileSize.toBytes() > DOCUMENT_CEILING.toBytes()) {
			throw new IllegalArgumentException("ciclo.evidence.max-file-size must be between 1 byte and 15MB "
					+ "(one MongoDB document holds the file), not " + maxFileSize);
		}
		contentTypes = contentTypes == null || contentTypes.isEmpty() ? ContentTypes.DEFAULT : List.copyOf(contentTypes);
		maxDescriptionLength = maxDescriptionLength == null ? 2000 : maxDescriptionLength;
	}

	/** The largest upload request: the file and its multipart envelope. */
	public DataSize maxRequestSize() {
		return DataSize.ofBytes(maxFileSize.toBytes() + MULTIPART_ALLOWANCE.toBytes());
	}
}
