package org.cicloperformance.reportingservice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The Relazione rendered without Spring on the demo's validated 30/6 data (its model does not care which checkpoint
 * is final): well-formed XHTML and an A4 PDF in the embedded fonts, whose text holds the parts, a deviation under
 * the cause the office gave, a shortfall without one under "Causa non indicata", and no example label (these results
 * come from the document).
 */
class RelazioneRenderingTest {

	@Test
	void rendersEveryPartAndGroupsTheDeviationsByCause() throws Exception {
		var verdicts = DemoReport.results().stream().map(r -> new ReportCheckpointStatus.Verdict(
				r.path("objective").asString(), r.path("indicator").asString(), "VALIDATED", null, null)).toList();
		var closing = new ReportCheckpointStatus.Closing(LocalDate.of(2018, 9, 17), 1, verdicts);
		ReportBuilder.Inputs june = DemoReport.inputs(DemoReport.planWithSignatories(), Optional.of(closing));
		List<ResultFact> results = new ArrayList<>();
		for (ResultFact f : june.results()) {
			boolean explained = f.objective().equals("2.1.2") && f.indicator().equals("3");
			results.add(new ResultFact(f.id(), f.planId(), f.objective(), f.indicator(), f.checkpoint(),
					f.resultVersion(), f.planVersion(), f.eventId(), f.recordedAt(), f.receivedAt(), f.reportedBy(),
					f.reason(), f.value(), f.deviation(), f.commentary(), f.evidence(), explained ? "EXTERNAL" : null));
		}
		ReportBuilder.Inputs inputs = new ReportBuilder.Inputs(june.planId(), june.document(), june.content(),
				june.later(), results, june.closing());
		MonitoringReport report = DemoReport.report(inputs);
		PlanEvent revised = Seed.JSON.readValue(Seed.planRevised(Seed.PLAN_ID), PlanEvent.class);
		HrFeed feed = new HrFeed(Seed.PLAN_ID, DemoReport.JUNE, "30/6", "FINAL", 1, 1, Instant.now(),
				List.of(new HrFeed.Row("dazzeo", "dr Antonio d'Azzeo", "ANA", "Area Anagrafica",
						new BigDecimal("0.7549"), BigDecimal.ONE, "B", new BigDecimal("0.7549"), "75,49% del premio", 1, 1,
						Instant.now(), "FINAL", List.of())),
				1, true);
		ResourceBundleMessageSource messages = DemoReport.messages();
		Relazione relazione = RelazioneBuilder.build(new RelazioneBuilder.Inputs(Seed.PLAN_ID, "2018", report,
				List.of(new RelazioneBuilder.VersionInput(1, Instant.parse("2018-01-31T09:00:00Z"), null),
						new RelazioneBuilder.VersionInput(2, Instant.parse("2018-09-17T10:00:00Z"), revised.revision())),
				results, feed, closing, "1 (cciaa-brescia-2018)"),
				key -> messages.getMessage(key, null, key, Locale.ITALIAN), Locale.ITALIAN);

		ReportRenderer renderer = DemoReport.renderer();
		String html = renderer.html(relazione, Locale.ITALIAN);
		DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
		String text;
		try (PDDocument pdf = Loader.loadPDF(renderer.pdf(relazione, Locale.ITALIAN))) {
			assertThat(pdf.getNumberOfPages()).isGreaterThan(5);
			text = ReportAcceptanceTest.compact(new PDFTextStripper().getText(pdf));
		}
		for (String all : List.of(text, ReportAcceptanceTest.compact(ReportAcceptanceTest.textOf(html)))) {
			assertThat(all).contains(ReportAcceptanceTest.compact("1. Il piano e le sue revisioni"),
					ReportAcceptanceTest.compact("Versione 2 del piano"),
					ReportAcceptanceTest.compact("2. Il sistema di misurazione e valutazione della performance"),
					ReportAcceptanceTest.compact("politica di valutazione del piano, versione 1"),
					ReportAcceptanceTest.compact("(SMVP) adottato: versione 1 (cciaa-brescia-2018)"),
					ReportAcceptanceTest.compact("3. I risultati degli obiettivi operativi"),
					ReportAcceptanceTest.compact("Cause esterne (1)"),
					ReportAcceptanceTest.compact("Obiettivo 2.1.2, indicatore 3"),
					ReportAcceptanceTest.compact("Causa non indicata"),
					ReportAcceptanceTest.compact("6. Sintesi dei premi"),
					ReportAcceptanceTest.compact("dr Antonio d'Azzeo"),
					ReportAcceptanceTest.compact("Validata dall'OIV il 17/09/2018 (chiusura n. 1)"),
					ReportAcceptanceTest.compact(verdicts.size() + " indicatori validati, 0 rettificati, 0 respinti"),
					ReportAcceptanceTest.compact("Brescia, 17 settembre 2018"))
					.doesNotContain(ReportAcceptanceTest.compact("Esempio, non dal documento"), "''");
			String causes = all.substring(all.indexOf(ReportAcceptanceTest.compact("4. Gli scostamenti per causa")));
			assertThat(causes.indexOf(ReportAcceptanceTest.compact("Obiettivo 2.1.2, indicatore 3")))
					.as("2.1.2/3 under its cause, before the deviations without one")
					.isLessThan(causes.indexOf(ReportAcceptanceTest.compact("Causa non indicata")));
		}
	}
}
