package org.cicloperformance.reportingservice.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Italian unless the reader chose English. The dashboard remembers the choice ({@code ?lang=en}) in a cookie and
 * ignores the browser's language (management reads it in Italian even on an English browser); the JSON API keeps
 * answering in the language of {@code Accept-Language}, Italian by default, as it always did.
 */
class DashboardLocaleResolver implements LocaleResolver {

	static final Locale ITALIAN = Locale.ITALIAN;

	static final String COOKIE = "dashboard-lang";

	private final CookieLocaleResolver dashboard = new CookieLocaleResolver(COOKIE);

	private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();

	DashboardLocaleResolver() {
		dashboard.setDefaultLocaleFunction(request -> ITALIAN);
		dashboard.setCookieMaxAge(Duration.ofDays(365));
		dashboard.setCookiePath("/");
		dashboard.setCookieSameSite("Lax");
		api.setDefaultLocale(ITALIAN);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return isDashboard(request) ? supported(dashboard.resolveLocale(request)) : api.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		dashboard.setLocale(request, response, supported(locale));
	}

	/** Only Italian and English have message bundles: any other choice reads Italian. */
	static Locale supported(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : ITALIAN;
	}

	private static boolean isDashboard(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/") || path.equals("/dashboard") || path.startsWith("/dashboard/")
				|| path.equals("/error");
	}
}
