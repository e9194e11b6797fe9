package org.cicloperformance.monitoringservice.result.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cicloperformance.monitoringservice.plan.MeasureKind;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.TargetDef;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.VersionInForce;
import org.cicloperformance.monitoringservice.result.PlanLookup;
import org.cicloperformance.monitoringservice.result.RecordedResult;
import org.cicloperformance.monitoringservice.result.ResultValue;
import org.cicloperformance.monitoringservice.security.Actor;

/**
 * The XLSX template of an office's indicators at a checkpoint: one row per indicator of the objectives of the
 * user's areas (the area scope of the CSV upload), in the plan version in force at the checkpoint. The columns are
 * those of the CSV upload (see {@link XlsxResults}); only the cells to fill are unlocked, and the value cell is
 * validated by measure kind where a spreadsheet can (counts ≥ 0, percentages 0–100, SI/NO).
 */
public final class XlsxTemplate {

	/** The header, one label per column; A–I are locked, J–N are filled in by the office. */
	static final List<String> HEADER = List.of("piano", "checkpoint", "obiettivo", "indicatore", "nome",
			"tipo e unità", "target", "valore precedente", "titolo obiettivo", "valore", "commento", "evidenze",
			"motivo", "causa");

	/** The first column filled in by the office (J, "valore"). */
	static final int FIRST_INPUT = 9;

	private XlsxTemplate() {
	}

	/** One row of the template. */
	record Line(String planId, String checkpoint, String objective, String indicator, String name,
			MeasureKind kind, String unit, String target, String previous, String objectiveTitle) {
	}

	/**
	 * The template, or empty when the plan or its version in force at the checkpoint is unknown to the user.
	 * {@code previous} are the latest results of the checkpoint before this one (none for the first).
	 */
	public static Optional<byte[]> of(Actor actor, PlanLookup plans, String planId, String checkpoint,
			java.util.function.Function<String, List<RecordedResult>> resultsAt) {
		List<PlanVersion> received = plans.versionsOf(planId);
		if (received.isEmpty() || !VersionInForce.latest(received).content().hasCheckpoint(checkpoint)
				|| !(VersionInForce.resolve(received, checkpoint) instanceof VersionInForce.InForce inForce)) {
			return Optional.empty();
		}
		PlanSnapshot plan = inForce.version().content();
		Map<String, String> previous = plan.checkpoints().stream()
			.filter(c -> c.date() != null && plan.checkpoints().stream()
				.anyMatch(o -> o.id().equals(checkpoint) && o.date() != null && c.date().isBefore(o.date())))
			.max(Comparator.comparing(PlanSnapshot.CheckpointDef::date))
			.map(c -> resultsAt.apply(c.id()).stream().collect(Collectors.toMap(
					r -> r.objective() + "/" + r.indicator(), r -> text(r.value()), (a, b) -> b)))
			.orElse(Map.of());
		List<Line> lines = new ArrayList<>();
		plan.objectives().filter(o -> actor.worksFor(o.organisationalArea())).forEach(o -> o.indicators()
			.forEach(i -> lines.add(new Line(planId, checkpoint, o.code(), i.code(), i.name(), i.measureKind(),
					i.unit(), i.target(checkpoint).map(XlsxTemplate::text).orElse(""),
					previous.getOrDefault(o.code() + "/" + i.code(), ""), o.title()))));
		return Optional.of(write(lines));
	}

	static byte[] write(List<Line> lines) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("Risultati");
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			CellStyle input = workbook.createCellStyle();
			input.setLocked(false);
			Row first = sheet.createRow(0);
			for (int c = 0; c < HEADER.size(); c++) {
				first.createCell(c).setCellValue(HEADER.get(c));
				first.getCell(c).setCellStyle(header);
			}
			DataValidationHelper validations = sheet.getDataValidationHelper();
			for (int r = 0; r < lines.size(); r++) {
				Line line = lines.get(r);
				Row row = sheet.createRow(r + 1);
				List<String> locked = List.of(line.planId(), line.checkpoint(), line.objective(), line.indicator(),
						nonNull(line.name()), kindLabel(line.kind()) + (line.unit() == null ? "" : " (" + line.unit() + ")"),
						line.target(), line.previous(), nonNull(line.objectiveTitle()));
				for (int c = 0; c < locked.size(); c++) {
					row.createCell(c).setCellValue(locked.get(c));
				}
				for (int c = FIRST_INPUT; c < HEADER.size(); c++) {
					row.createCell(c).setCellStyle(input);
				}
				constraint(validations, line.kind()).ifPresent(constraint -> {
					DataValidation validation = validations.createValidation(constraint,
							new CellRangeAddressList(row.getRowNum(), row.getRowNum(), FIRST_INPUT, FIRST_INPUT));
					validation.setShowErrorBox(true);
					validation.createErrorBox("Valore non valido", kindLabel(line.kind()));
					sheet.addValidationData(validation);
				});
			}
			for (int c = 0; c < HEADER.size(); c++) {
				sheet.setColumnWidth(c, (c == 4 || c == 8 || c == FIRST_INPUT + 1 ? 40 : 14) * 256);
			}
			sheet.createFreezePane(0, 1);
			// Locked cells need a protected sheet; no password: it guards against slips, not against the office.
			sheet.protectSheet("");
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Optional<DataValidationConstraint> constraint(DataValidationHelper helper, MeasureKind kind) {
		if (kind == null) {
			return Optional.empty();
		}
		return switch (kind) {
			case COUNT -> Optional.of(helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null));
			case PERCENTAGE -> Optional.of(helper.createDecimalConstraint(OperatorType.BETWEEN, "0", "100"));
			case BOOLEAN -> Optional.of(helper.createExplicitListConstraint(new String[] { "SI", "NO" }));
			default -> Optional.empty();
		};
	}

	/** The kind in Italian, with the format of its value cell (the CSV's, see ItalianValues). */
	static String kindLabel(MeasureKind kind) {
		if (kind == null) {
			return "";
		}
		return switch (kind) {
			case COUNT -> "numero ≥ 0";
			case AMOUNT -> "importo";
			case PERCENTAGE -> "percentuale 0–100";
			case BOOLEAN -> "SI/NO";
			case MILESTONE -> "milestone: M1=gg/mm/aaaa|M2=… (- se nessuna)";
			case COMPOUND -> "componenti: codice=valore|…";
			case QUALITATIVE -> "valutazione 0–100|giustificazione";
		};
	}

	private static String text(TargetDef target) {
		if (target.number() != null) {
			return italian(target.number());
		}
		if (target.yes() != null) {
			return target.yes() ? "SI" : "NO";
		}
		if (target.milestones() != null && !target.milestones().isEmpty()) {
			return String.join("|", target.milestones());
		}
		if (target.components() != null && !target.components().isEmpty()) {
			return target.components().entrySet().stream().map(e -> e.getKey() + "=" + italian(e.getValue()))
				.collect(Collectors.joining("|"));
		}
		return nonNull(target.text());
	}

	private static String text(ResultValue value) {
		if (value == null) {
			return "";
		}
		if (value.text() != null && !value.text().isBlank()) {
			return value.text();
		}
		if (value.number() != null) {
			return italian(value.number());
		}
		return value.yes() == null ? "" : value.yes() ? "SI" : "NO";
	}

	static String italian(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString().replace('.', ',');
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}
}
