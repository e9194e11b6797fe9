package org.cicloperformance.monitoringservice.result.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cicloperformance.monitoringservice.result.csv.CsvResults;
import org.junit.jupiter.api.Test;

class XlsxResultsTest {

	static String codeOf(byte[] bytes, String type, String name) {
		return catchThrowableOfType(XlsxResults.Unreadable.class, () -> XlsxResults.read(bytes, type, name))
			.refusals().get(0).violation().code();
	}

	@Test
	void refusesAFileAboveTheCsvLimit() {
		assertThat(codeOf(new byte[CsvResults.MAX_BYTES + 1], null, "a.xlsx")).isEqualTo("xlsx-too-large");
	}

	@Test
	void refusesAWorkbookWithAVbaProjectWhateverItsName() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
			zip.write(new byte[] { 1, 2, 3 });
			zip.closeEntry();
		}
		assertThat(codeOf(out.toByteArray(), "application/octet-stream", "a.xlsx")).isEqualTo("xlsx-macro");
	}

	@Test
	void refusesWhatIsNotAWorkbook() {
		assertThat(codeOf("piano;valore".getBytes(), "text/csv", "a.xlsx")).isEqualTo("xlsx-unreadable");
	}

	@Test
	void refusesMoreThanThreeSheets() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			for (int i = 0; i < 4; i++) {
				workbook.createSheet("Foglio" + i);
			}
			workbook.write(out);
		}
		assertThat(codeOf(out.toByteArray(), null, "a.xlsx")).isEqualTo("xlsx-sheets");
	}

	@Test
	void refusesMoreThanAThousandRows() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			workbook.createSheet("Risultati").createRow(1_001).createCell(0).setCellValue("x");
			workbook.write(out);
		}
		assertThat(codeOf(out.toByteArray(), null, "a.xlsx")).isEqualTo("xlsx-too-many-rows");
	}
}
