package org.cicloperformance.monitoringservice.evidence;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which files may be attached as evidence, and whether a file's first bytes agree with the type it declares (a
 * "PDF" that is not one is refused: downloads are served with the stored type). Text types are not checked: an
 * office's CSV may come in any encoding. A file sent as {@code application/octet-stream} or without a type (curl and
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

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] OLE_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
			0x1A, (byte) 0xE1 };

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 0x03, 0x04 };

	private static final Map<String, byte[]> MAGIC = magic();

	private static final String UNKNOWN = "application/octet-stream";

	private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("pdf", PDF),
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("ppt", "application/vnd.ms-powerpoint"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("odt", "application/vnd.oasis.opendocument.text"),
			Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
			Map.entry("odp", "application/vnd.oasis.opendocument.presentation"), Map.entry("zip", ZIP),
			Map.entry("csv", "text/csv"), Map.entry("txt", "text/plain"));

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

	private static Optional<String> byExtension(String fileName) {
		if (fileName == null || fileName.lastIndexOf('.') < 0) {
			return Optional.empty();
		}
		return Optional.ofNullable(
				BY_EXTENSION.get(fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)));
	}

	/** Whether the first bytes are those of the (accepted) type; true for types without a known signature. */
	static boolean contentMatches(String acceptedType, byte[] head) {
		byte[] magic = MAGIC.get(acceptedType.split(";")[0]);
		if (magic == null) {
			return true;
		}
		if (head.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static Map<String, byte[]> magic() {
		var magic = new HashMap<String, byte[]>();
		magic.put(PDF, PDF_MAGIC);
		magic.put("image/png", PNG_MAGIC);
		magic.put("image/jpeg", JPEG_MAGIC);
		OLE.forEach(t -> magic.put(t, OLE_MAGIC));
		ZIP_BASED.forEach(t -> magic.put(t, ZIP_MAGIC));
		return Map.copyOf(magic);
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return Arrays.stream(lists).flatMap(List::stream).toList();
	}
}
