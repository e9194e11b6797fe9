package org.cicloperformance.monitoringservice.result.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.monitoringservice.plan.MeasureKind;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.result.DeviationCause;
import org.cicloperformance.monitoringservice.result.ResultRequest;
import org.cicloperformance.monitoringservice.result.ResultValue;
import org.cicloperformance.monitoringservice.refusal.Violation;

/**
 * Reads a CSV upload of results into requests, one per line after the header. Columns (by header name, any
 * order): piano, obiettivo, indicatore, checkpoint, valore, commento, evidenze (separated by |), referente, motivo,
 * causa (optional: the deviation's cause, a code such as EXTERNAL or the Italian word, see {@link DeviationCause}).
 * {@code referente} is optional and read only as the request's {@code reportedBy}, which the API replaces with the
 * authenticated user.
 * The value is read by the indicator's measure kind (see {@link ItalianValues}), so the reader asks the plan read
 * model for it.
 */
public final class CsvResults {

	/** The columns, with the JSON field each one fills. */
	public static final Map<String, String> COLUMNS = Map.of("piano", "/planId", "obiettivo", "/objective",
			"indicatore", "/indicator", "checkpoint", "/checkpoint", "valore", "/value", "commento", "/commentary",
			"evidenze", "/evidence", "referente", "/reportedBy", "motivo", "/reason", "causa", "/deviationCause");

	private static final List<String> REQUIRED = List.of("piano", "obiettivo", "indicatore", "checkpoint", "valore");

	private CsvResults() {
	}

	@FunctionalInterface
	public interface KindLookup {

		Optional<MeasureKind> kindOf(String planId, String objective, String indicator, String checkpoint);
	}

	/**
	 * The requests read, the line each came from, and what could not be read; {@code targets} names what every
	 * data line is about, readable or not, so that who may report on it can be checked for each line.
	 */
	public record Parsed(List<ResultRequest> requests, List<Integer> lines, List<Violation> violations,
			List<Target> targets) {
	}

	/** The plan, objective and checkpoint a data line reports on, and its line number. */
	public record Target(String planId, String objective, String checkpoint, int line) {
	}

	/** The largest file read (the upload limit, ciclo.security.max-upload-size, is 5 MB by default too). */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The longest record, in characters: a commentary and a reason at their longest, and the rest. */
	public static final int MAX_LINE = 2 * InputBounds.MAX_TEXT + 10_000;

	public static Parsed read(byte[] bytes, KindLookup kinds) {
		if (bytes.length > MAX_BYTES) {
			return refused(Violation.of("", "csv-too-large", MAX_BYTES).atLine(1, null));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException e) {
			return refused(Violation.of("", "unreadable-csv").atLine(1, null));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<CsvReader.Row> rows;
		Violation unreadable = null;
		try {
			rows = CsvReader.read(text, CsvReader.separatorOf(text));
		}
		catch (CsvReader.Unreadable e) {
			rows = e.read();
			unreadable = Violation.of("", "csv-malformed").atLine(e.line(), null);
		}
		rows = rows.stream().filter(r -> !r.isBlank()).toList();
		if (rows.size() > InputBounds.MAX_BATCH + 1) {
			return refused(Violation.of("", "csv-too-many-rows", InputBounds.MAX_BATCH)
					.atLine(rows.get(InputBounds.MAX_BATCH + 1).line(), null));
		}
		if (rows.isEmpty()) {
			return refused(Violation.of("", "csv-empty").atLine(1, null));
		}
		CsvReader.Row header = rows.get(0);
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.fields().size(); i++) {
			columns.put(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		List<Violation> violations = new ArrayList<>();
		for (String column : REQUIRED) {
			if (!columns.containsKey(column)) {
				violations.add(Violation.of("", "csv-header", column).atLine(header.line(), column));
			}
		}
		if (!violations.isEmpty()) {
			return new Parsed(List.of(), List.of(), violations, List.of());
		}
		if (rows.size() == 1) {
			return refused(Violation.of("", "csv-empty").atLine(header.line(), null));
		}
		List<ResultRequest> requests = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<Target> targets = new ArrayList<>();
		if (unreadable != null) {
			violations.add(unreadable);
		}
		for (CsvReader.Row row : rows.subList(1, rows.size())) {
			if (row.length() > MAX_LINE) {
				violations.add(Violation.of("", "csv-line-too-long", MAX_LINE).atLine(row.line(), null));
				continue;
			}
			Line line = new Line(row, columns);
			String checkpoint = line.get("checkpoint");
			targets.add(new Target(line.get("piano"), line.get("obiettivo"), isoDateOrAsIs(checkpoint), row.line()));
			try {
				if (!checkpoint.isBlank() && checkpoint.contains("/")) {
					checkpoint = ItalianValues.date(checkpoint, "/checkpoint");
				}
				ResultValue value = value(line, checkpoint, kinds);
				requests.add(new ResultRequest(line.get("piano"), line.get("obiettivo"), line.get("indicatore"),
						checkpoint, value, line.optional("commento"), evidence(line.get("evidenze")),
						line.get("referente"), line.optional("motivo"),
						DeviationCause.fromCell(line.optional("causa"))));
				lines.add(row.line());
			}
			catch (ItalianValues.Unreadable e) {
				violations.add(e.violation().atLine(row.line(), columnOf(e.violation().pointer())));
			}
		}
		return new Parsed(requests, lines, violations, targets);
	}

	/** The CSV column a JSON pointer of a request falls in. */
	public static String columnOf(String pointer) {
		return COLUMNS.entrySet().stream()
				.filter(e -> pointer.equals(e.getValue()) || pointer.startsWith(e.getValue() + "/"))
				.map(Map.Entry::getKey).findFirst().orElse(null);
	}

	private static ResultValue value(Line line, String checkpoint, KindLookup kinds) throws ItalianValues.Unreadable {
		String cell = line.get("valore");
		Optional<MeasureKind> kind = kinds.kindOf(line.get("piano"), line.get("obiettivo"), line.get("indicatore"),
				checkpoint);
		if (kind.isEmpty()) {
			// The checker names what is unknown (plan, objective, indicator, checkpoint).
			return new ResultValue(null, null, null, null, null, null, cell);
		}
		if (cell.isBlank() && kind.get() != MeasureKind.MILESTONE) {
			throw new ItalianValues.Unreadable(Violation.of("/value", "required"));
		}
		return ItalianValues.parse(kind.get(), cell);
	}

	private static String isoDateOrAsIs(String checkpoint) {
		try {
			return checkpoint.contains("/") ? ItalianValues.date(checkpoint, "/checkpoint") : checkpoint;
		}
		catch (ItalianValues.Unreadable e) {
			return checkpoint;
		}
	}

	private static List<String> evidence(String cell) {
		return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static Parsed refused(Violation violation) {
		return new Parsed(List.of(), List.of(), List.of(violation), List.of());
	}

	private record Line(CsvReader.Row row, Map<String, Integer> columns) {

		String get(String column) {
			Integer index = columns.get(column);
			return index == null || index >= row.fields().size() ? "" : row.fields().get(index).strip();
		}

		String optional(String column) {
			String value = get(column);
			return value.isEmpty() ? null : value;
		}
	}
}
