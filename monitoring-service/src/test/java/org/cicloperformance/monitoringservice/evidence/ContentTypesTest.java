package org.cicloperformance.monitoringservice.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"application/pdf | application/pdf",
			"APPLICATION/PDF | application/pdf",
			"image/png | image/png",
			"image/jpeg | image/jpeg",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/msword | application/msword",
			"application/vnd.oasis.opendocument.text | application/vnd.oasis.opendocument.text",
			"application/zip | application/zip",
			"text/csv | text/csv",
			"text/plain; charset=UTF-8 | text/plain;charset=UTF-8",
			"text/csv; charset=\"windows-1252\" | text/csv;charset=windows-1252",
			"application/pdf; name=x | application/pdf",
	})
	void acceptsTheDefaultTypesAndStoresThemPlainly(String declared, String stored) {
		assertThat(ContentTypes.accepted(declared, "file.bin", ContentTypes.DEFAULT)).contains(stored);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "text/html", "image/svg+xml", "application/x-msdownload",
			"application/octet-stream", "application/javascript", "pdf", "''" })
	void refusesOtherTypes(String declared) {
		assertThat(ContentTypes.accepted(declared, "file.bin", ContentTypes.DEFAULT)).isEmpty();
	}

	@ParameterizedTest(name = "{0} sent as {1} → {2}")
	@CsvSource(delimiter = '|', value = {
			"relazione.pdf | application/octet-stream | application/pdf",
			"Tabella.XLSX | application/octet-stream | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"verbale.docx | '' | application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"estrazione.csv | application/octet-stream | text/csv",
			"foto.jpg | application/octet-stream | image/jpeg",
	})
	void takesAFileOfUnknownTypeForTheTypeOfItsExtension(String name, String declared, String stored) {
		assertThat(ContentTypes.accepted(declared, name, ContentTypes.DEFAULT)).contains(stored);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "programma.exe", "pagina.html", "senza-estensione", "'archivio.pdf.exe'" })
	void refusesAFileOfUnknownTypeWithAnotherExtension(String name) {
		assertThat(ContentTypes.accepted("application/octet-stream", name, ContentTypes.DEFAULT)).isEmpty();
	}

	@Test
	void refusesAFileWithoutType() {
		assertThat(ContentTypes.accepted(null, "file.bin", ContentTypes.DEFAULT)).isEmpty();
	}

	@Test
	void acceptsOnlyTheConfiguredTypesWhenConfigured() {
		assertThat(ContentTypes.accepted("application/pdf", "a.pdf", List.of("text/plain"))).isEmpty();
		assertThat(ContentTypes.accepted("text/plain", "a.txt", List.of("text/plain"))).contains("text/plain");
		assertThat(ContentTypes.accepted(null, "a.pdf", List.of("text/plain"))).isEmpty();
	}

	@ParameterizedTest(name = "{0} starting with {1}: {2}")
	@CsvSource(delimiter = '|', value = {
			"application/pdf | 255044462d312e370a | true",
			"application/pdf | 3c68746d6c3e | false",
			"image/png | 89504e470d0a1a0a0000 | true",
			"image/png | ffd8ffe0 | false",
			"image/jpeg | ffd8ffe000104a464946 | true",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document | 504b030414000600 | true",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document | d0cf11e0a1b11ae1 | false",
			"application/msword | d0cf11e0a1b11ae10000 | true",
			"application/zip | 504b0304 | true",
			"application/zip | 504b | false",
			"text/plain;charset=UTF-8 | 00ff | true",
	})
	void checksTheFirstBytesOfBinaryTypes(String type, String head, boolean matches) {
		assertThat(ContentTypes.contentMatches(type, HexFormat.of().parseHex(head))).isEqualTo(matches);
	}

	@Test
	void doesNotJudgeTheEncodingOfText() {
		assertThat(ContentTypes.contentMatches("text/csv", "piano;valore\n".getBytes(StandardCharsets.ISO_8859_1)))
				.isTrue();
	}
}
