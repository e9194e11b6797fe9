package org.cicloperformance.monitoringservice.evidence;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * File names as clients send them are not to be trusted: a path, control or bidirectional characters, names
 * Windows cannot save. What is stored is the last path segment, NFC, without those characters, at most
 * {@value #MAX_LENGTH} characters with its extension kept. Plain Java.
 */
final class FileNames {

	static final String FALLBACK = "allegato";

	static final int MAX_LENGTH = 200;

	private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
			"COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
			"LPT8", "LPT9");

	private FileNames() {
	}

	static String sanitise(String original) {
		if (original == null) {
			return FALLBACK;
		}
		String name = Normalizer.normalize(original, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints().forEach(c -> {
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				clean.append(' ');
			}
			else if ("<>:\"|?*".indexOf(c) >= 0) {
				clean.append('_');
			}
			else if (!invisible(c)) {
				clean.appendCodePoint(c);
			}
		});
		name = clean.toString().replaceAll(" {2,}", " ").strip();
		name = name.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
		name = truncate(name);
		if (name.isEmpty()) {
			return FALLBACK;
		}
		String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
		return WINDOWS_RESERVED.contains(base.toUpperCase(Locale.ROOT)) ? "_" + name : name;
	}

	/** Control, formatting (bidirectional overrides), unassigned, private and lone surrogate code points. */
	private static boolean invisible(int c) {
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
				|| type == Character.PRIVATE_USE || type == Character.SURROGATE;
	}

	/** At most MAX_LENGTH code points, the extension (up to 10 characters) kept. */
	private static String truncate(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 11 ? name.substring(dot) : "";
		String base = extension.isEmpty() ? name : name.substring(0, dot);
		int keep = MAX_LENGTH - extension.length();
		return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
	}

	/**
	 * {@code Content-Disposition} for a download: an ASCII {@code filename} for old clients and the exact name as
	 * RFC 5987 {@code filename*=UTF-8''…}.
	 */
	static String attachment(String fileName) {
		StringBuilder ascii = new StringBuilder();
		fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(fileName);
	}

	private static String rfc5987(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return encoded.toString();
	}
}
