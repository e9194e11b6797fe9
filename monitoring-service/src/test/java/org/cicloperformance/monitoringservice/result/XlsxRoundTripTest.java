package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The XLSX round trip on the demo plan at 30/6: the template downloaded, filled in through POI with the seed's
 * values (risultati-2018-06-30.json, the demo stack's batch), uploaded back, giving the seed's deviations
 * (scostamenti-2018-06-30.json); bad cells, formulas, macros and oversized files refused, nothing stored.
 */
class XlsxRoundTripTest extends IntegrationTestBase {

	private static final String OFFICE = "controllo-gestione";

	private static final int VALUE = 9;

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	ResultService results;

	String planId;

	@BeforeEach
	void theDemoPlan() {
		planId = "cciaa-brescia-2018-xlsx-" + UUID.randomUUID();
		ObjectNode event = json.createObjectNode();
		event.put("type", "PlanPublished").put("eventId", UUID.randomUUID().toString()).put("planId", planId)
				.put("entity", "cciaa-brescia").put("year", 2018).put("version", 1)
				.put("occurredAt", "2018-01-31T09:00:00Z").put("causedBy", "demo");
		event.putArray("appliesTo").add("2018-06-30").add("2018-12-31");
		event.set("plan", json.readTree(SamplePlans.read(SamplePlans.DEMO.resolve("piano-2018.json"))));
		plans.saveIfAbsent(SamplePlans.version(json.writeValueAsString(event)));
	}

	XSSFWorkbook template() throws Exception {
		byte[] bytes = mvc.perform(get("/api/results/xlsx").param("planId", planId).param("checkpoint", "2018-06-30")
				.header(HttpHeaders.AUTHORIZATION, basic(OFFICE)))
				.andExpect(status().isOk())
				.andExpect(content().contentType(XLSX))
				.andReturn().getResponse().getContentAsByteArray();
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

	/** The row of an indicator in the template. */
	static Row row(XSSFSheet sheet, String objective, String indicator) {
		for (Row row : sheet) {
			if (row.getRowNum() > 0 && row.getCell(2).getStringCellValue().equals(objective)
					&& row.getCell(3).getStringCellValue().equals(indicator)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + objective + "/" + indicator);
	}

	org.springframework.test.web.servlet.ResultActions upload(byte[] file, String name, String type) throws Exception {
		return mvc.perform(multipart("/api/results/xlsx").file(new MockMultipartFile("file", name, type, file))
				.header(HttpHeaders.AUTHORIZATION, basic(OFFICE)));
	}

	static byte[] bytes(XSSFWorkbook workbook) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	/** Fills every row with the seed's value that the template's value cell can hold. */
	int fillWithTheSeed(XSSFWorkbook workbook) {
		XSSFSheet sheet = workbook.getSheetAt(0);
		int filled = 0;
		for (JsonNode result : json.readTree(SamplePlans.read(SamplePlans.DEMO.resolve("risultati-2018-06-30.json")))
				.get("results")) {
			JsonNode value = result.get("value");
			Cell cell = row(sheet, result.get("objective").asString(), result.get("indicator").asString()).getCell(VALUE);
			if (!value.get("components").isNull()) {
				List<String> parts = new ArrayList<>();
				value.get("components").properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asString()));
				cell.setCellValue(String.join("|", parts));
			}
			else if (!value.get("delivered").isNull()) {
				List<String> parts = new ArrayList<>();
				value.get("delivered").forEach(d -> parts.add(d.get("milestone").asString() + "="
						+ LocalDate.parse(d.get("date").asString()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
				cell.setCellValue(parts.isEmpty() ? "-" : String.join("|", parts));
			}
			else if (!value.get("assessment").isNull()) {
				cell.setCellValue(value.get("assessment").asString() + "|" + value.get("justification").asString());
			}
			else if (!value.get("yes").isNull()) {
				cell.setCellValue(value.get("yes").asBoolean() ? "SI" : "NO");
			}
			else if (!value.get("number").isNull()) {
				cell.setCellValue(value.get("number").doubleValue());
			}
			else {
				// 3.1.1/1: a descriptive result without assessment, which the CSV's value cell cannot express either
				continue;
			}
			filled++;
		}
		return filled;
	}

	@Test
	void theTemplateLocksAllButTheCellsToFillAndValidatesByKind() throws Exception {
		try (XSSFWorkbook workbook = template()) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getProtect()).isTrue();
			assertThat(sheet.getRow(0).getCell(VALUE).getStringCellValue()).isEqualTo("valore");
			Row count = row(sheet, "2.1.1", "1");
			assertThat(count.getCell(2).getCellStyle().getLocked()).isTrue();
			assertThat(count.getCell(VALUE).getCellStyle().getLocked()).isFalse();
			assertThat(count.getCell(6).getStringCellValue()).as("target").isNotBlank();
			assertThat(sheet.getDataValidations()).isNotEmpty();
			assertThat(sheet.getDataValidations().stream().map(v -> v.getValidationConstraint().getValidationType())
				.collect(Collectors.toSet())).hasSize(2); // decimal (counts, percentages) and list (SI/NO)
			assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(31);
		}
	}

	@Test
	void theSeedsValuesUploadedThroughTheTemplateGiveTheSeedsDeviations() throws Exception {
		byte[] filled;
		int rows;
		try (XSSFWorkbook workbook = template()) {
			rows = fillWithTheSeed(workbook);
			filled = bytes(workbook);
		}
		assertThat(rows).isEqualTo(30);
		upload(filled, "risultati.xlsx", XLSX)
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.results", hasSize(30)));

		Map<String, Deviation> computed = new HashMap<>();
		results.latest("cciaa-brescia", planId, "2018-06-30")
			.forEach(r -> computed.put(r.objective() + "/" + r.indicator(), r.deviation()));
		List<String> compared = SeedDeviations.assertMatch(computed);
		assertThat(compared).hasSize(20).contains("1.1.1/1", "2.1.2/3", "2.1.1/3", "2.1.1/2", "2.2.1/1");
		assertThat(computed.get("2.1.1/3").number()).isEqualByComparingTo("7.70");
		assertThat(computed.get("2.1.1/2").text()).isEqualTo("-3.201 istanze e -3 riunioni");
	}

	byte[] templateWith(BiConsumer<XSSFSheet, Row> change) throws Exception {
		try (XSSFWorkbook workbook = template()) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			row(sheet, "2.1.1", "1").getCell(VALUE).setCellValue(2260);
			change.accept(sheet, row(sheet, "2.1.1", "3"));
			return bytes(workbook);
		}
	}

	@Test
	void aBadCellIsRefusedByItsSheetRowAndColumnAndNothingIsStored() throws Exception {
		byte[] file = templateWith((sheet, row) -> row.getCell(VALUE).setCellValue("forse"));
		int row;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			row = row(workbook.getSheetAt(0), "2.1.1", "3").getRowNum() + 1;
		}
		upload(file, "risultati.xlsx", XLSX)
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors", hasSize(1)))
				.andExpect(jsonPath("$.errors[0].sheet").value("Risultati"))
				.andExpect(jsonPath("$.errors[0].row").value(row))
				.andExpect(jsonPath("$.errors[0].column").value("J"))
				.andExpect(jsonPath("$.errors[0].code").value("csv-not-a-number"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("non è un numero")));
		assertThat(results.latest("cciaa-brescia", planId, "2018-06-30")).isEmpty();
	}

	@Test
	void aFormulaInAValueCellIsRefused() throws Exception {
		byte[] file = templateWith((sheet, row) -> row.getCell(VALUE).setCellFormula("80+2.7"));
		upload(file, "risultati.xlsx", XLSX)
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].code").value("xlsx-formula"))
				.andExpect(jsonPath("$.errors[0].column").value("J"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("formule")));
		assertThat(results.latest("cciaa-brescia", planId, "2018-06-30")).isEmpty();
	}

	@Test
	void anOversizedFileIsRefused() throws Exception {
		upload(new byte[5 * 1024 * 1024 + 1], "risultati.xlsx", XLSX)
				.andExpect(status().isPayloadTooLarge())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aMacroEnabledFileIsRefused() throws Exception {
		byte[] file = templateWith((sheet, row) -> { });
		upload(file, "risultati.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12")
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(jsonPath("$.errors[0].code").value("xlsx-macro"));
		assertThat(results.latest("cciaa-brescia", planId, "2018-06-30")).isEmpty();
	}
}
