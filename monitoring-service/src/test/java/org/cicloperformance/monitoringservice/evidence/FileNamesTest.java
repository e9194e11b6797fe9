package org.cicloperformance.monitoringservice.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

	@ParameterizedTest(name = "«{0}» → «{1}»")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"relazione.pdf | relazione.pdf",
			"Verbali riunioni gennaio-giugno 2018.pdf | Verbali riunioni gennaio-giugno 2018.pdf",
			"Attività svolte.docx | Attività svolte.docx",
			"C:\\Users\\ufficio\\Desktop\\report.xlsx | report.xlsx",
			"../../etc/passwd | passwd",
			"'a<b>c:d\"e|f?g*h.txt' | a_b_c_d_e_f_g_h.txt",
			"'  .nascosto.txt  ' | nascosto.txt",
			"'report.pdf. . ' | report.pdf",
			"'riga\tcon\ttab.csv' | riga con tab.csv",
			"CON.txt | _CON.txt",
			"nul | _nul",
			"'...' | allegato",
			"'/' | allegato",
	})
	void keepsOnlyASafeLastSegment(String original, String expected) {
		assertThat(FileNames.sanitise(original)).isEqualTo(expected);
	}

	@Test
	void dropsControlAndBidirectionalCharacters() {
		// U+202E would show "fdp.exe" as "exe.pdf"
		assertThat(FileNames.sanitise("fattura\u202Efdp.exe")).isEqualTo("fatturafdp.exe");
		assertThat(FileNames.sanitise("a\u0000b\u0007c.txt")).isEqualTo("abc.txt");
	}

	@Test
	void composesAccentsSoTheSameNameIsStoredTheSameWay() {
		assertThat(FileNames.sanitise("Attivita\u0300.pdf")).isEqualTo("Attivit\u00e0.pdf");
	}

	@Test
	void givesANameToAFileWithoutOne() {
		assertThat(FileNames.sanitise(null)).isEqualTo("allegato");
		assertThat(FileNames.sanitise("")).isEqualTo("allegato");
	}

	@Test
	void shortensALongNameKeepingItsExtension() {
		String name = FileNames.sanitise("è".repeat(300) + ".pdf");

		assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("è.pdf");
	}

	@Test
	void downloadsGiveTheExactNameAsUtf8AndAnAsciiFallback() {
		assertThat(FileNames.attachment("Attività \"2018\".pdf"))
				.isEqualTo("attachment; filename=\"Attivit_ _2018_.pdf\"; filename*=UTF-8''Attivit%C3%A0%20%222018%22.pdf");
	}
}
