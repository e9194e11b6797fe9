package org.cicloperformance.reportingservice.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What a request says about where it comes from. Browsers send {@code Sec-Fetch-Site} (all current ones) or at
 * least {@code Origin} on every state-changing request, and a page cannot forge either; scripts and command-line
 * clients send neither.
 */
final class BrowserRequests {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private BrowserRequests() {
	}

	/** Whether the request looks like a browser's: fetch metadata, an origin, or a page asked for. */
	static boolean isBrowser(HttpServletRequest request) {
		if (request.getHeader("Sec-Fetch-Site") != null || request.getHeader("Sec-Fetch-Mode") != null
				|| request.getHeader("Origin") != null) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
	}

	static boolean changesState(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
	}

	/** The request's own origin, {@code scheme://host:port}, as the browser would write it. */
	static String ownOrigin(HttpServletRequest request) {
		return origin(request.getScheme(), request.getServerName(), request.getServerPort());
	}

	/** An {@code Origin} header value normalised (lower case, default port written out); null if unreadable. */
	static String normalise(String origin) {
		try {
			URI uri = URI.create(origin.trim());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return origin(uri.getScheme(), uri.getHost(), uri.getPort());
		}
		catch (IllegalArgumentException unreadable) {
			return null;
		}
	}

	private static String origin(String scheme, String host, int port) {
		String s = scheme.toLowerCase(Locale.ROOT);
		int p = port >= 0 ? port : "https".equals(s) ? 443 : 80;
		return s + "://" + host.toLowerCase(Locale.ROOT) + ":" + p;
	}
}
