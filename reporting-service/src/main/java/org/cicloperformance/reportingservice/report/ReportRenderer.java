package org.cicloperformance.reportingservice.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The report as XHTML (template {@code report/report.html}, the same Thymeleaf engine as the dashboard) and as PDF:
 * the same XHTML laid out on A4 pages by openhtmltopdf with CSS paged media (page numbers in the footer, table
 * headers repeated, rows kept whole) and the DejaVu Sans fonts embedded, so that every glyph of the Italian text
 * (€ ’ « » ≥ – à è é ì ò ù) prints without relying on the fonts of the machine. Nothing external is loaded.
 */
@Component
class ReportRenderer {

	static final String TEMPLATE = "report/report";

	static final String RELAZIONE = "report/relazione";

	private static final Logger log = LoggerFactory.getLogger(ReportRenderer.class);

	private static final String FAMILY = "DejaVu Sans";

	private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

	/** The four faces the stylesheet uses, read once: weight, style, file. */
	private static final List<Face> FACES = List.of(new Face(400, FontStyle.NORMAL, "DejaVuSans.ttf"),
			new Face(700, FontStyle.NORMAL, "DejaVuSans-Bold.ttf"),
			new Face(400, FontStyle.ITALIC, "DejaVuSans-Oblique.ttf"),
			new Face(700, FontStyle.ITALIC, "DejaVuSans-BoldOblique.ttf"));

	private record Face(int weight, FontStyle style, String file) {

		byte[] bytes() {
			try (InputStream in = ReportRenderer.class.getResourceAsStream(FONTS + file)) {
				if (in == null) {
					throw new IllegalStateException("font not on the classpath: " + FONTS + file);
				}
				return in.readAllBytes();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private final ITemplateEngine templates;

	private final Map<Face, byte[]> fonts;

	ReportRenderer(ITemplateEngine templates) {
		XRLog.setLoggerImpl(new RendererLogging());
		this.templates = templates;
		this.fonts = FACES.stream().collect(java.util.stream.Collectors.toMap(f -> f, Face::bytes));
	}

	/** The XHTML, with only characters XML allows (see {@link XmlText}): the PDF is made from this very text. */
	String html(MonitoringReport report, Locale locale) {
		return XmlText.legal(templates.process(TEMPLATE, new Context(locale, Map.of("report", report))));
	}

	/** The Relazione sulla performance: its own template, the same styles, fonts and page layout. */
	String html(Relazione relazione, Locale locale) {
		return XmlText.legal(templates.process(RELAZIONE,
				new Context(locale, Map.of("relazione", relazione, "report", relazione.report()))));
	}

	byte[] pdf(MonitoringReport report, Locale locale) {
		return pdf(html(report, locale), report.planId(), report.checkpoint());
	}

	byte[] pdf(Relazione relazione, Locale locale) {
		return pdf(html(relazione, locale), relazione.planId(), relazione.checkpoint());
	}

	private byte[] pdf(String html, String planId, String checkpoint) {
		long start = System.nanoTime();
		ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withProducer("ciclo-performance reporting-service");
		builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		fonts.forEach((face, bytes) -> builder.useFont(() -> new ByteArrayInputStream(bytes), FAMILY, face.weight(),
				face.style(), true));
		builder.withHtmlContent(html, null);
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		log.info("Relazione {} al {} resa in PDF: {} byte in {} ms", planId, checkpoint, pdf.size(),
				Duration.ofNanos(System.nanoTime() - start).toMillis());
		return pdf.toByteArray();
	}
}
