package org.cicloperformance.reportingservice.report;

/**
 * Keeps only the characters XML 1.0 allows. The report's XHTML is parsed as XML by the PDF renderer, and a single
 * illegal character (a C0 control such as U+0001 pasted into a commentary, U+FFFE, a lone surrogate) makes the
 * whole document unparseable: the report of a closed checkpoint would then stay broken for good. The texts come
 * from offices, plans and the OIV, stored as they were sent; they are cleaned here, where they enter the XHTML,
 * so every text of the report (and of its HTML copy) passes through the one rule. Tab, line feed and carriage
 * return stay; any other control character becomes a space, so that the words beside it stay apart.
 */
final class XmlText {

	private XmlText() {
	}

	static String legal(String text) {
		if (text == null || isLegal(text)) {
			return text;
		}
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); ) {
			int c = text.codePointAt(i);
			clean.appendCodePoint(allowed(c) ? c : ' ');
			i += Character.charCount(c);
		}
		return clean.toString();
	}

	private static boolean isLegal(String text) {
		for (int i = 0; i < text.length(); ) {
			int c = text.codePointAt(i);
			if (!allowed(c)) {
				return false;
			}
			i += Character.charCount(c);
		}
		return true;
	}

	/** XML 1.0's Char production; a lone surrogate arrives here as itself and is refused. */
	private static boolean allowed(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}
}
