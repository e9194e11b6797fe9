package org.cicloperformance.monitoringservice.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Which files may be attached as evidence, and whether a file's first bytes agree with the type it declares (a
 * "PDF" that is not one is refused: downloads are served with the stored type), as Apache Tika core's detector
 * judges them. Text types are not checked: an office's CSV may come in any encoding. A file sent as {@code application/octet-stream} or without a type (curl and
 * many HTTP libraries do so for Office files) is taken for the type its extension names, then checked the same way.
 * Plain Java.
 */
final class ContentTypes {

	static final String PDF = "application/pdf";

	static final String ZIP = "application/zip";

	private static final List<String> OLE = List.of("application/msword", "application/vnd.ms-excel",
			"application/vnd.ms-powerpoint");

	private static final List<String> ZIP_BASED = List.of(ZIP, "application/x-zip-compressed",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
			"application/vnd.oasis.opendocument.presentation");

	static final List<String> DEFAULT = concat(List.of(PDF, "image/png", "image/jpeg"), OLE, ZIP_BASED,
			List.of("text/csv", "text/plain"));

	private static final String UNKNOWN = "application/octet-stream";

	/** Tika core's own registry of types, their signatures, file-name patterns and which type is a kind of which. */
	private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

	private static final MediaTypeRegistry REGISTRY = TIKA.getMediaTypeRegistry();

	private ContentTypes() {
	}

	/**
	 * The declared type as it will be stored ("type/subtype", lower case, with the charset of a text type), when it
	 * is one of {@code allowed}; for a file of unknown type, the type of its extension if allowed; empty otherwise.
	 */
	static Optional<String> accepted(String declared, String fileName, List<String> allowed) {
		if (declared == null || declared.isBlank() || declared.trim().toLowerCase(Locale.ROOT).startsWith(UNKNOWN)) {
			return byExtension(fileName).filter(t -> allowed.stream().anyMatch(t::equalsIgnoreCase));
		}
		String[] parts = declared.split(";");
		String essence = parts[0].trim().toLowerCase(Locale.ROOT);
		if (allowed.stream().noneMatch(a -> a.equalsIgnoreCase(essence))) {
			return Optional.empty();
		}
		if (!essence.startsWith("text/")) {
			return Optional.of(essence);
		}
		return Arrays.stream(parts).skip(1).map(String::trim)
				.filter(p -> p.toLowerCase(Locale.ROOT).startsWith("charset="))
				.map(p -> p.substring("charset=".length()).replace("\"", "").trim())
				.filter(c -> c.matches("[A-Za-z0-9._:-]{1,40}"))
				.findFirst()
				.map(charset -> essence + ";charset=" + charset)
				.or(() -> Optional.of(essence));
	}

	/** The type Tika gives the file's name (its extension), never from the bytes. */
	private static Optional<String> byExtension(String fileName) {
		if (fileName == null || fileName.lastIndexOf('.') < 0) {
			return Optional.empty();
		}
		Metadata name = new Metadata();
		name.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		try {
			MediaType type = TIKA.detect(null, name);
			return MediaType.OCTET_STREAM.equals(type) ? Optional.empty() : Optional.of(type.getBaseType().toString());
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	/**
	 * Whether Tika's detector, from the first bytes alone, finds the (accepted) type or one of its kind: a .docx is
	 * detected as a ZIP from its first bytes, a .doc as an OLE2 file. A type whose bytes are not recognised at all is
	 * a mismatch. Text types are not judged (any encoding is fine).
	 */
	static boolean contentMatches(String acceptedType, byte[] head) {
		MediaType declared = REGISTRY.normalize(MediaType.parse(acceptedType.split(";")[0].trim()));
		if (declared == null || "text".equals(declared.getType())) {
			return true;
		}
		MediaType detected;
		try {
			detected = REGISTRY.normalize(TIKA.detect(new ByteArrayInputStream(head), new Metadata()));
		}
		catch (IOException e) {
			return false;
		}
		if (MediaType.OCTET_STREAM.equals(detected) || MediaType.TEXT_PLAIN.equals(detected)) {
			return false;
		}
		return detected.equals(declared) || REGISTRY.isSpecializationOf(declared, detected)
				|| REGISTRY.isSpecializationOf(detected, declared);
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return Arrays.stream(lists).flatMap(List::stream).toList();
	}
}
