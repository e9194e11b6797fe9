package org.cicloperformance.reportingservice.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Italian figures on the pages, digit for digit as the API's texts; English grouping when asked. */
class FormatsTest {

	final Formats fmt = Formats.following(LocaleContextHolder::getLocale);

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"0.9148333333 | 91,48%",
			"0.8782500000 | 87,83%",
			"0.8270       | 82,70%",
			"1            | 100,00%",
			"0            | 0,00%",
			"12.3456      | 1.234,56%" })
	void formatsFractionsAsItalianPercentagesRoundingHalfUp(String fraction, String expected) {
		LocaleContextHolder.setLocale(Locale.ITALIAN);

		assertThat(fmt.percent(new BigDecimal(fraction))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"2260     | 2.260",
			"82.70    | 82,7",
			"1.0      | 1",
			"-3201    | -3.201",
			"33.33    | 33,33",
			"1000000  | 1.000.000" })
	void formatsNumbersWithItalianGroupingAndNoUselessZeros(String number, String expected) {
		LocaleContextHolder.setLocale(Locale.ITALIAN);

		assertThat(fmt.number(new BigDecimal(number))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "61 | +61", "-73 | -73", "0 | 0", "2.5 | +2,5" })
	void showsTheSignOfADeviation(String number, String expected) {
		LocaleContextHolder.setLocale(Locale.ITALIAN);

		assertThat(fmt.signed(new BigDecimal(number))).isEqualTo(expected);
	}

	@Test
	void formatsAmountsDatesAndTimesTheItalianWay() {
		LocaleContextHolder.setLocale(Locale.ITALIAN);

		assertThat(fmt.euros(new BigDecimal("7982.63"))).isEqualTo("7.982,63 €");
		assertThat(fmt.euros(new BigDecimal("15205"))).isEqualTo("15.205,00 €");
		assertThat(fmt.points(new BigDecimal("82.7"))).isEqualTo("82,70%");
		assertThat(fmt.date(LocalDate.of(2018, 6, 30))).isEqualTo("30/06/2018");
		// summer time in Rome: UTC+2
		assertThat(fmt.dateTime(Instant.parse("2018-07-10T08:00:00Z"))).isEqualTo("10/07/2018 10:00");
		assertThat(fmt.dateTime(Instant.parse("2018-12-31T23:30:00Z"))).isEqualTo("01/01/2019 00:30");
	}

	@Test
	void showsADashForWhatIsMissing() {
		assertThat(fmt.percent(null)).isEqualTo("—");
		assertThat(fmt.number(null)).isEqualTo("—");
		assertThat(fmt.date(null)).isEqualTo("—");
		assertThat(fmt.dateTime(null)).isEqualTo("—");
	}

	@Test
	void usesEnglishSeparatorsForAnEnglishReaderButKeepsTheDayFirst() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(fmt.percent(new BigDecimal("0.9148333333"))).isEqualTo("91.48%");
		assertThat(fmt.number(new BigDecimal("2260"))).isEqualTo("2,260");
		assertThat(fmt.euros(new BigDecimal("7982.63"))).isEqualTo("7,982.63 €");
		assertThat(fmt.date(LocalDate.of(2018, 6, 30))).isEqualTo("30/06/2018");
	}

	@Test
	void theReportsFormatsStayItalianWhateverTheRequestsLanguage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(Formats.italian().euros(new BigDecimal("1234"))).isEqualTo("1.234,00 €");
		assertThat(Formats.italian().percent(new BigDecimal("0.8782500000"))).isEqualTo("87,83%");
	}
}
