package org.cicloperformance.monitoringservice.result.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: {@code ;} or {@code ,} separator (whichever the header line uses), double quotes with
 * {@code ""} escapes, quoted fields may span lines. Each record keeps the number of the line it starts on.
 */
final class CsvReader {

	private CsvReader() {
	}

	record Row(int line, List<String> fields) {

		boolean isBlank() {
			return fields.stream().allMatch(String::isBlank);
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
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int rowStart = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"' && field.toString().isBlank()) {
				field.setLength(0);
				quoted = true;
			}
			else if (c == separator) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				rows.add(new Row(rowStart, List.copyOf(fields)));
				fields.clear();
				line++;
				rowStart = line;
			}
			else {
				field.append(c);
			}
		}
		if (field.length() > 0 || !fields.isEmpty()) {
			fields.add(field.toString());
			rows.add(new Row(rowStart, List.copyOf(fields)));
		}
		return rows;
	}
}
