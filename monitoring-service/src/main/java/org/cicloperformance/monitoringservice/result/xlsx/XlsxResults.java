package org.cicloperformance.monitoringservice.result.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.result.csv.CsvResults;

/**
 * Reads a filled-in template ({@link XlsxTemplate}) into the CSV the CSV upload reads, so that its cells go through
 * exactly the same reading, checks and bulk write (all or nothing); a refusal of a CSV line is then placed back on
 * its sheet, row and column ({@link #placed}). A row whose value cell is empty is not reported. The file itself is
 * refused when it is larger than the CSV limit, is not an XLSX, holds macros, has no or more than
 * {@value #MAX_SHEETS} sheets or more than {@value InputBounds#MAX_BATCH} rows, or has a formula in a cell read.
 */
public final class XlsxResults {

	static final int MAX_SHEETS = 3;

	/** Zip entries of a plain workbook of up to three sheets are a few dozen: more is not a template. */
	static final int MAX_ENTRIES = 200;

	private static final String MACRO_CONTENT_TYPE = "application/vnd.ms-excel.sheet.macroenabled.12";

	/** The CSV column of each template column read. */
	private static final List<String> CSV_COLUMNS = List.of("piano", "checkpoint", "obiettivo", "indicatore", "valore",
			"commento", "evidenze", "motivo", "causa");

	private static final int[] TEMPLATE_COLUMNS = { 0, 1, 2, 3, 9, 10, 11, 12, 13 };

	private XlsxResults() {
	}

	/** Where a CSV line came from. */
	public record Place(String sheet, int row) {
	}

	/** A refusal placed on a cell (column null when it is about the whole row or file). */
	public record CellRefusal(String sheet, Integer row, String column, Violation violation) {
	}

	/** Refused before any CSV line was written: nothing is stored. */
	public static final class Unreadable extends RuntimeException {

		private final transient List<CellRefusal> refusals;

		Unreadable(List<CellRefusal> refusals) {
			super(refusals.get(0).violation().code(), null, false, false);
			this.refusals = List.copyOf(refusals);
		}

		public List<CellRefusal> refusals() {
			return refusals;
		}
	}

	/** The CSV read from the workbook and the place of each of its lines (index: line − 1; line 1 is the header). */
	public record Converted(byte[] csv, List<Place> places) {
	}

	public static Converted read(byte[] bytes, String contentType, String filename) {
		if (bytes.length > CsvResults.MAX_BYTES) {
			throw refused(null, null, null, Violation.of("", "xlsx-too-large", CsvResults.MAX_BYTES));
		}
		if ((contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MACRO_CONTENT_TYPE))
				|| (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsm"))) {
			throw refused(null, null, null, Violation.of("", "xlsx-macro"));
		}
		checkEntries(bytes);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			return convert(workbook);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof Unreadable unreadable) {
				throw unreadable;
			}
			throw refused(null, null, null, Violation.of("", "xlsx-unreadable"));
		}
	}

	/** Macros (a vbaProject part) and an unbounded number of parts are refused before POI parses anything. */
	private static void checkEntries(byte[] bytes) {
		int entries = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().toLowerCase(Locale.ROOT).contains("vbaproject")) {
					throw refused(null, null, null, Violation.of("", "xlsx-macro"));
				}
				if (++entries > MAX_ENTRIES) {
					throw refused(null, null, null, Violation.of("", "xlsx-unreadable"));
				}
			}
		}
		catch (IOException e) {
			throw refused(null, null, null, Violation.of("", "xlsx-unreadable"));
		}
		if (entries == 0) {
			throw refused(null, null, null, Violation.of("", "xlsx-unreadable"));
		}
	}

	private static Converted convert(XSSFWorkbook workbook) {
		int sheets = workbook.getNumberOfSheets();
		if (sheets < 1 || sheets > MAX_SHEETS) {
			throw refused(null, null, null, Violation.of("", "xlsx-sheets", MAX_SHEETS, sheets));
		}
		int rows = 0;
		for (Sheet sheet : workbook) {
			rows += Math.max(0, sheet.getLastRowNum());
			if (rows > InputBounds.MAX_BATCH) {
				throw refused(sheet.getSheetName(), null, null, Violation.of("", "xlsx-too-many-rows", InputBounds.MAX_BATCH));
			}
		}
		StringBuilder csv = new StringBuilder(String.join(";", CSV_COLUMNS)).append('\n');
		List<Place> places = new ArrayList<>();
		places.add(new Place(workbook.getSheetName(0), 1));
		List<CellRefusal> refusals = new ArrayList<>();
		int line = 2;
		for (Sheet sheet : workbook) {
			checkHeader(sheet, refusals);
			if (!refusals.isEmpty()) {
				continue;
			}
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				List<String> fields = new ArrayList<>();
				for (int column : TEMPLATE_COLUMNS) {
					Cell cell = row.getCell(column);
					if (cell != null && cell.getCellType() == CellType.FORMULA) {
						refusals.add(new CellRefusal(sheet.getSheetName(), r + 1, letter(column),
								Violation.of("", "xlsx-formula", cell.getCellFormula())));
					}
					fields.add(text(cell));
				}
				if (fields.get(4).isBlank()) {
					continue;
				}
				for (int i = 0; i < fields.size(); i++) {
					csv.append(i == 0 ? "" : ";").append('"').append(fields.get(i).replace("\"", "\"\"")).append('"');
				}
				csv.append('\n');
				// a cell with line breaks spans several physical lines: the next line starts after them
				String written = String.join("", fields);
				for (int i = 0; i < 1 + (int) written.chars().filter(c -> c == '\n').count(); i++) {
					places.add(new Place(sheet.getSheetName(), r + 1));
				}
				line++;
			}
		}
		if (!refusals.isEmpty()) {
			throw new Unreadable(refusals);
		}
		if (line == 2) {
			throw refused(workbook.getSheetName(0), null, null, Violation.of("", "xlsx-empty"));
		}
		return new Converted(csv.toString().getBytes(StandardCharsets.UTF_8), places);
	}

	private static void checkHeader(Sheet sheet, List<CellRefusal> refusals) {
		Row header = sheet.getRow(0);
		for (int c = 0; c < XlsxTemplate.HEADER.size(); c++) {
			Cell cell = header == null ? null : header.getCell(c);
			if (!XlsxTemplate.HEADER.get(c).equalsIgnoreCase(text(cell).strip())) {
				refusals.add(new CellRefusal(sheet.getSheetName(), 1, letter(c),
						Violation.of("", "xlsx-header", XlsxTemplate.HEADER.get(c))));
				return;
			}
		}
	}

	/** The refusals of the CSV upload, each placed on the sheet, row and column it came from. */
	public static List<CellRefusal> placed(RefusedException refused, Converted converted) {
		List<CellRefusal> placed = new ArrayList<>();
		for (Violation v : refused.violations()) {
			if (v.line() == null || v.line() < 1 || v.line() > converted.places().size()) {
				placed.add(new CellRefusal(null, null, null, v));
				continue;
			}
			Place place = converted.places().get(v.line() - 1);
			int index = v.column() == null ? -1 : CSV_COLUMNS.indexOf(v.column());
			placed.add(new CellRefusal(place.sheet(), place.row(), index < 0 ? null : letter(TEMPLATE_COLUMNS[index]),
					new Violation(v.pointer(), v.code(), v.args(), null, null)));
		}
		return placed;
	}

	/** A cell as the CSV would hold it: numbers in Italian (82,7), dates as dd/mm/yyyy, booleans SI/NO. */
	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue().replace("\r\n", "\n").replace('\r', '\n');
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
					: XlsxTemplate.italian(BigDecimal.valueOf(cell.getNumericCellValue()));
			case BOOLEAN -> cell.getBooleanCellValue() ? "SI" : "NO";
			default -> "";
		};
	}

	static String letter(int column) {
		return CellReference.convertNumToColString(column);
	}

	private static Unreadable refused(String sheet, Integer row, String column, Violation violation) {
		return new Unreadable(List.of(new CellRefusal(sheet, row, column, violation)));
	}
}
