package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.cicloperformance.reportingservice.format.Formats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The policy's codes in the engine's explanations and in the band column, replaced by words from the bundles. */
class DisplayWordsTest {

	final Display display = new Display(Formats.following(LocaleContextHolder::getLocale), messages());

	@AfterEach
	void resetTheLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theEnginesExplanationsNameBandsAndRulesInWords() {
		assertThat(display.readable("75,49% in fascia PROPORTIONAL (da 50,00% a 90,00% escluso) → 75,49%"))
				.isEqualTo("75,49% in fascia proporzionale (da 50,00% a 90,00% escluso) → 75,49%");
		assertThat(display.readable("risultato mancante alla verifica finale → 0,00% (ZERO)"))
				.isEqualTo("risultato mancante alla verifica finale → 0,00% (regola della politica: un risultato mancante vale 0)");
		assertThat(display.readable("risultato mancante alla verifica intermedia → escluso (EXCLUDE)"))
				.endsWith("(regola della politica: un risultato mancante è escluso dalla media)");
		assertThat(display.readable("min(527 / 600, 1) = 87,83%")).isEqualTo("min(527 / 600, 1) = 87,83%");
		assertThat(display.readable("90,00% in fascia TOP (da 80,00%) → 100,00%")).contains("fascia TOP");
	}

	@Test
	void bandsAreWordsInTheReadersLanguageAndAPolicysOwnBandStaysAsItsPolicyWroteIt() {
		LocaleContextHolder.setLocale(Locale.ITALIAN);
		assertThat(display.band("FULL")).isEqualTo("piena");
		assertThat(display.band("BELOW_THRESHOLD")).isEqualTo("sotto soglia");
		assertThat(display.band(null)).isEqualTo("—");
		assertThat(display.band("TOP")).isEqualTo("TOP");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(display.band("PROPORTIONAL")).isEqualTo("proportional");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
