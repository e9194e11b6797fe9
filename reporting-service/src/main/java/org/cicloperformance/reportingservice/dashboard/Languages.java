package org.cicloperformance.reportingservice.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/** The language switch: the page the reader is on, in Italian or in English. */
final class Languages {

	record Language(String code, String label, String href, boolean current) {
	}

	private Languages() {
	}

	static List<Language> of(HttpServletRequest request, Locale locale) {
		String query = request.getQueryString();
		String uri = request.getRequestURI() + (query == null ? "" : "?" + query);
		return List.of(language("it", "Italiano", uri, locale), language("en", "English", uri, locale));
	}

	private static Language language(String code, String label, String uri, Locale locale) {
		String href = UriComponentsBuilder.fromUriString(uri).replaceQueryParam("lang", code).build(true).toUriString();
		return new Language(code, label, href, code.equals(DashboardLocaleResolver.supported(locale).getLanguage()));
	}
}
