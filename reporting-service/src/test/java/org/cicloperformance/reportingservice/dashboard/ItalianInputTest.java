package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a clerk types, read the Italian way; and monitoring's pointers back to the form's fields. */
class ItalianInputTest {

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = ';', value = { "2.260;2260", "2260;2260", "1.234,5;1234.5", "82,70%;82.70", "82,7 %;82.7",
			"-3;-3", "+12,25;12.25", "1.234.567,89;1234567.89", "0;0", "7.982,63 €;7982.63", " 600 ;600" })
	void numbersInItalianFormat(String typed, String expected) {
		assertThat(ItalianInput.number(typed)).isEqualByComparingTo(expected);
	}

	@ParameterizedTest(name = "{0} refused: {1}")
	@CsvSource(delimiter = ';', value = { "600.5;entry.error.decimalComma", "1.5;entry.error.decimalComma",
			"12,;entry.error.number", "1.23;entry.error.decimalComma", "1,2,3;entry.error.number",
			"dodici;entry.error.number", "1e6;entry.error.number", "12.34.5;entry.error.number",
			"11111111111111111111111111111111111111111;entry.error.numberTooLong" })
	void numbersThatAreNotItalianAreRefusedNotGuessed(String typed, String key) {
		assertThatThrownBy(() -> ItalianInput.number(typed)).isInstanceOfSatisfying(ItalianInput.Refused.class,
				refused -> assertThat(refused.key()).isEqualTo(key));
	}

	@Test
	void anEmptyFieldIsNoValue() {
		assertThat(ItalianInput.number("  ")).isNull();
		assertThat(ItalianInput.date("")).isNull();
	}

	@Test
	void datesDayFirstOrIso() {
		assertThat(ItalianInput.date("30/06/2018")).isEqualTo(LocalDate.of(2018, 6, 30));
		assertThat(ItalianInput.date("1/3/2018")).isEqualTo(LocalDate.of(2018, 3, 1));
		assertThat(ItalianInput.date("2018-03-31")).isEqualTo(LocalDate.of(2018, 3, 31));
		for (String bad : List.of("31/06/2018", "06/30/2018", "30-06-2018", "ieri", "30/06/18")) {
			assertThatThrownBy(() -> ItalianInput.date(bad)).as(bad).isInstanceOf(ItalianInput.Refused.class);
		}
	}

	@Test
	void monitoringsPointersNameTheFormsFields() {
		Map<String, Object> value = Map.of("delivered", List.of(Map.of("milestone", "M2", "date", "2018-05-02")));

		assertThat(EntryInput.fieldOf("/value/number", value)).isEqualTo("number");
		assertThat(EntryInput.fieldOf("/value/components/istanze", value)).isEqualTo("component-istanze");
		assertThat(EntryInput.fieldOf("/value/components/a~1b", value)).isEqualTo("component-a_b");
		assertThat(EntryInput.fieldOf("/value/delivered/0/date", value)).isEqualTo("milestone-M2");
		assertThat(EntryInput.fieldOf("/value/delivered/5/date", value)).isNull();
		assertThat(EntryInput.fieldOf("/value/justification", value)).isEqualTo("justification");
		assertThat(EntryInput.fieldOf("/commentary", value)).isEqualTo("commentary");
		assertThat(EntryInput.fieldOf("/evidence/2", value)).isEqualTo("evidence");
		assertThat(EntryInput.fieldOf("/description", value)).isEqualTo("fileDescription");
		assertThat(EntryInput.fieldOf("/checkpoint", value)).isNull();
		assertThat(EntryInput.fieldOf("", value)).isNull();
	}
}
