package org.cicloperformance.reportingservice;

import java.util.regex.Pattern;

/**
 * Regular expressions on composite {@code _id}s ({@code planId#...}). A query on {@code _id} alone is served by
 * the {@code _id} index, also on mongo-java-server (which walks the index keys instead of reading every document,
 * as it does for any other field: it ignores non-unique indexes), so "everything of one plan" is read by an
 * {@code _id} prefix rather than by {@code planId}.
 */
public final class IdPatterns {

	private static final String SPECIAL = "\\^$.|?*+()[]{}";

	private IdPatterns() {
	}

	/** Ids that start with {@code prefix} followed by exactly what {@code rest} (a regular expression) matches. */
	public static Pattern startingWith(String prefix, String rest) {
		return Pattern.compile("^" + literal(prefix) + rest);
	}

	/** {@code text} as a regular expression that matches exactly it. */
	public static String literal(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (SPECIAL.indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}
}
