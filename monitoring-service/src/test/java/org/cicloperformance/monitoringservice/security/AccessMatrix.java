package org.cicloperformance.monitoringservice.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access matrix of docs/security.md ("## Access matrix ..."), read as the tests' table of truth: one row per
 * request, one expectation per role (✓, 401, 403, page 403, login).
 */
final class AccessMatrix {

	static final List<String> ROLES = List.of("PLANNER", "OIV", "VIEWER", "AREA_OFFICE", "MANAGER", "HR", "anonymous");

	private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\| `(GET|POST|PUT|DELETE|PATCH) ([^`]+)` \\|(.*)\\|\\s*$");

	record Row(String service, String method, String path, Map<String, String> expected) {

		String request() {
			return method + " " + path;
		}
	}

	private AccessMatrix() {
	}

	/** The rows of one service ({@code plan}, {@code monitoring}, {@code reporting}). */
	static List<Row> of(String service) {
		List<Row> rows = new ArrayList<>();
		boolean inSection = false;
		for (String line : lines()) {
			if (line.startsWith("## ")) {
				inSection = line.startsWith("## Access matrix");
				continue;
			}
			Matcher row = ROW.matcher(line);
			if (!inSection || !row.matches() || !row.group(1).equals(service)) {
				continue;
			}
			String[] cells = row.group(4).split("\\|");
			if (cells.length != ROLES.size()) {
				throw new IllegalStateException("docs/security.md: " + ROLES.size() + " roles expected in " + line);
			}
			Map<String, String> expected = new LinkedHashMap<>();
			for (int i = 0; i < cells.length; i++) {
				expected.put(ROLES.get(i), cells[i].trim());
			}
			rows.add(new Row(service, row.group(2), row.group(3), expected));
		}
		if (rows.isEmpty()) {
			throw new IllegalStateException("docs/security.md has no access matrix row for " + service);
		}
		return rows;
	}

	private static List<String> lines() {
		Path doc = Path.of("").toAbsolutePath();
		while (doc != null && !Files.exists(doc.resolve("docs/security.md"))) {
			doc = doc.getParent();
		}
		if (doc == null) {
			throw new IllegalStateException("docs/security.md not found above " + Path.of("").toAbsolutePath());
		}
		try {
			return Files.readAllLines(doc.resolve("docs/security.md"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
