package org.cicloperformance.monitoringservice.result.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

	@Test
	void detectsTheSeparatorFromTheHeader() {
		assertThat(CsvReader.separatorOf("piano;obiettivo;valore\n1;2;\"3,5\"")).isEqualTo(';');
		assertThat(CsvReader.separatorOf("piano,obiettivo,valore\n1,2,\"3;5\"")).isEqualTo(',');
	}

	@Test
	void readsQuotedFieldsAndKeepsTheLineEachRecordStartsOn() {
		List<CsvReader.Row> rows = CsvReader.read("a;b\r\n\"x;1\";\"riga\nspezzata\"\r\n\"con \"\"virgolette\"\"\";z", ';');
		assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 4);
		assertThat(rows.get(1).fields()).containsExactly("x;1", "riga\nspezzata");
		assertThat(rows.get(2).fields()).containsExactly("con \"virgolette\"", "z");
	}

	@Test
	void readsTwoHundredKilobytesOfQuotesWhole() {
		// linear by construction (Commons CSV): the hand-written reader copied the field at each quote
		String quotes = "\"".repeat(100_000);
		String text = "a;b\n\"" + quotes.replace("\"", "\"\"") + "\";z\n";
		List<CsvReader.Row> rows = CsvReader.read(text, ';');
		assertThat(text.length()).isGreaterThan(200_000);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).fields().get(0)).isEqualTo(quotes);
		assertThat(rows.get(1).fields().get(1)).isEqualTo("z");
	}

	@Test
	void keepsTheLineNumbersAcrossBlankLinesAndLoneCarriageReturns() {
		List<CsvReader.Row> rows = CsvReader.read("a;b\n\n1;2\r3;4\r\n\n\"x\ny\";5", ';');
		assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 3, 4, 6);
		assertThat(rows.get(3).fields()).containsExactly("x\ny", "5");
	}

	@Test
	void isLenientAsTheHandWrittenReaderWas() {
		assertThat(CsvReader.read("\"a\"b;c", ';').get(0).fields()).containsExactly("ab", "c");
		assertThat(CsvReader.read("a;\"aperta", ';').get(0).fields()).containsExactly("a", "aperta");
		assertThat(CsvReader.read("  \"x\" ;y", ';').get(0).fields()).containsExactly("x ", "y");
	}
}
