package org.cicloperformance.reportingservice.forecast;

import java.util.Locale;
import org.cicloperformance.reportingservice.format.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of a forecast in one language: the {@code forecast.*} texts of the message bundles (Italian by default,
 * English available) and the numbers and dates formatted for that language. Every argument is passed already
 * formatted, as text, so that the bundles' {@code MessageFormat} never formats a number itself.
 */
record ForecastWording(MessageSource messages, Locale locale, Formats formats) {

	private static final ForecastWording ITALIAN = of(bundles(), Locale.ITALIAN);

	static ForecastWording of(MessageSource messages, Locale locale) {
		Locale language = locale == null ? Locale.ITALIAN : locale;
		return new ForecastWording(messages, language,
				"en".equals(language.getLanguage()) ? Formats.following(() -> Locale.ENGLISH) : Formats.italian());
	}

	/** Italian, from the service's bundles (tests and callers without a request). */
	static ForecastWording italian() {
		return ITALIAN;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage("forecast." + key, arguments, locale);
	}

	private static MessageSource bundles() {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasename("messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		return bundles;
	}
}
