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
}
