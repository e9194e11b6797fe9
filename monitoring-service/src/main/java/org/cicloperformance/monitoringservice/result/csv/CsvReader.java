package org.cicloperformance.monitoringservice.result.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 records through Apache Commons CSV (linear in the input, quotes included): {@code ;} or {@code ,}
 * separator (whichever the header line uses), double quotes with {@code ""} escapes, quoted fields may span lines,
 * lenient as the hand-written reader it replaces was (text after a closing quote is kept, a quote left open runs to
 * the end). Each record keeps the number of the line it starts on; a record the parser cannot read ends the reading
 * with an {@link Unreadable} naming its line.
 */
final class CsvReader {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.setTrailingData(true)
			.setLenientEof(true)
			.get();

	private CsvReader() {
	}

	record Row(int line, List<String> fields) {

		boolean isBlank() {
			return fields.stream().allMatch(String::isBlank);
		}

		/** Characters in the record's fields. */
		int length() {
			return fields.stream().mapToInt(String::length).sum();
		}
	}

	/** The records read before a record that could not be read, and that record's first line. */
	static final class Unreadable extends RuntimeException {

		private final transient List<Row> read;

		private final int line;

		Unreadable(List<Row> read, int line) {
			super("unreadable CSV record at line " + line, null, false, false);
			this.read = read;
			this.line = line;
		}

		List<Row> read() {
			return read;
		}

		int line() {
			return line;
		}
	}

	static char separatorOf(String text) {
		int end = text.indexOf('\n');
		String header = end < 0 ? text : text.substring(0, end);
		long semicolons = header.chars().filter(c -> c == ';').count();
		long commas = header.chars().filter(c -> c == ',').count();
		return semicolons >= commas && semicolons > 0 ? ';' : ',';
	}

	static List<Row> read(String text, char separator) {
		int[] lineStarts = lineStarts(text);
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
				.setFormat(FORMAT.builder().setDelimiter(separator).get()).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException e) {
					// lenient as the format is, only an unreadable input gets here: the record after the last read
					throw new Unreadable(List.copyOf(rows), rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line() + 1);
				}
				rows.add(new Row(lineOf(lineStarts, firstCharacter(text, record.getCharacterPosition())),
						Arrays.asList(record.values())));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rows;
	}

	/** A record's position is where the parser began looking for it: before the empty lines it skipped. */
	private static long firstCharacter(String text, long position) {
		int i = (int) position;
		while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
			i++;
		}
		return i;
	}

	/** The offset of each line's first character: after LF, CRLF or a lone CR. */
	private static int[] lineStarts(String text) {
		int[] starts = new int[16];
		int count = 0;
		starts[count++] = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, count);
	}

	/** The 1-based line of a character offset. */
	private static int lineOf(int[] lineStarts, long offset) {
		int found = Arrays.binarySearch(lineStarts, (int) offset);
		return (found >= 0 ? found : -found - 2) + 1;
	}
}
