package org.cicloperformance.reportingservice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.junit.jupiter.api.Test;

/** A control character in a stored text (here a commentary with U+0001) never breaks the report (issue 14). */
class ControlCharactersTest {

	private static final String COMMENTARY = "Avvio\u0001 del servizio\u0008 con\uFFFE i comuni\u001F.";

	@Test
	void aCommentaryWithAControlCharacterStillRendersTheHtmlAndThePdf() throws Exception {
		ReportBuilder.Inputs demo = DemoReport.inputs(DemoReport.planWithSignatories(), Optional.empty());
		List<ResultFact> results = demo.results().stream().map(f -> f.objective().equals("2.1.3")
				&& f.indicator().equals("1") ? withCommentary(f, COMMENTARY) : f).toList();
		MonitoringReport report = DemoReport.report(new ReportBuilder.Inputs(demo.planId(), demo.document(),
				demo.content(), demo.later(), results, demo.closing()));
		ReportRenderer renderer = DemoReport.renderer();

		String html = renderer.html(report, Locale.ITALIAN);
		byte[] pdf = renderer.pdf(report, Locale.ITALIAN);

		assertThat(html).contains("Avvio  del servizio  con  i comuni .").doesNotContain("\u0001", "\u0008", "\uFFFE");
		// still well-formed XML: what the PDF renderer parses
		DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
		assertThat(text(pdf)).contains("Avvio del servizio con i comuni");
	}

	@Test
	void keepsTabsLineEndsAndEveryPrintableCharacter() {
		assertThat(XmlText.legal("a\tb\nc\r\nd € ’ « » ≥ – à 𝄞")).isEqualTo("a\tb\nc\r\nd € ’ « » ≥ – à 𝄞");
		assertThat(XmlText.legal("x\u0000y\u007Fz\uD800")).isEqualTo("x y\u007Fz ");
		assertThat(XmlText.legal(null)).isNull();
	}

	private static ResultFact withCommentary(ResultFact f, String commentary) {
		return new ResultFact(f.id(), f.planId(), f.objective(), f.indicator(), f.checkpoint(), f.resultVersion(),
				f.planVersion(), f.eventId(), f.recordedAt(), f.receivedAt(), f.reportedBy(), f.reason(), f.value(),
				f.deviation(), commentary, f.evidence());
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}
}
