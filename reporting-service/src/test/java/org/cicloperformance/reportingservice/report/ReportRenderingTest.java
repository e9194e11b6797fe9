package org.cicloperformance.reportingservice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The demo report rendered without Spring, as the OIV validated it on 17/9/2018: the PDF's pages,
 * fonts and footer, the HTML's well-formedness, and the picture of a page for the documentation.
 */
class ReportRenderingTest {

	/** Where the picture of the 2.1.3 page is written; docs/report.md says how to copy it to docs/images. */
	static final Path PAGE_PICTURE = Path.of("target", "report-page.png");

	static String html;

	static byte[] pdf;

	static List<String> pages;

	@BeforeAll
	static void renderTheValidatedDemo() throws IOException {
		// the OIV validated the monitoring on 17/9/2018; the adjustment of 3.1.1/1 is this test's own
		List<ReportCheckpointStatus.Verdict> verdicts = DemoReport.results().stream().map(r -> {
			String objective = r.path("objective").asString();
			String indicator = r.path("indicator").asString();
			return objective.equals("3.1.1") && indicator.equals("1")
					? new ReportCheckpointStatus.Verdict(objective, indicator, "ADJUSTED", new BigDecimal("0.5"),
							"Sperimentazione non avviata al 30/6")
					: new ReportCheckpointStatus.Verdict(objective, indicator, "VALIDATED", null, null);
		}).toList();
		var closing = new ReportCheckpointStatus.Closing(LocalDate.of(2018, 9, 17), 1, verdicts);
		MonitoringReport report = DemoReport.report(DemoReport.inputs(DemoReport.planWithSignatories(),
				Optional.of(closing)));
		ReportRenderer renderer = DemoReport.renderer();
		html = renderer.html(report, Locale.ITALIAN);
		pdf = renderer.pdf(report, Locale.ITALIAN);
		pages = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				pages.add(stripper.getText(document));
			}
		}
	}

	@Test
	void everyPageIsA4AndNumberedInItsFooter() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(11);
			for (PDPage page : document.getPages()) {
				assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
				assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
			}
		}
		int count = pages.size();
		for (int page = 1; page <= count; page++) {
			assertThat(squash(pages.get(page - 1))).contains("Pagina " + page + " di " + count);
		}
	}

	@Test
	void theTextIsSetInTheEmbeddedDejaVuFontsWithEveryGlyphItNeeds() throws IOException {
		Set<String> fonts = new HashSet<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
				}
			}
		}
		String text = String.join("\n", pages);

		assertThat(fonts).isNotEmpty().allMatch(name -> name.startsWith("DejaVuSans"), "a DejaVu Sans face")
				.contains("DejaVuSans", "DejaVuSans-Bold");
		for (String glyph : List.of("€", "’", "«", "»", "≥", "–", "à", "è", "é", "ì", "ò", "ù", "“", "”")) {
			assertThat(text).as("glyph %s", glyph).contains(glyph);
		}
	}

	@Test
	void aValidatedCheckpointSaysWhenAndShowsTheOivVerdicts() {
		String text = squash(String.join("\n", pages));

		assertThat(text).contains("Validata dall'OIV il 17/09/2018 (chiusura n. 1)", "Verifica dell'OIV",
				"Validato", "Rettificato", "50,00% — Sperimentazione non avviata al 30/6",
				"Brescia, 17 settembre 2018").doesNotContain("Non ancora validata");
	}

	@Test
	void theHtmlIsWellFormedXhtml() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));

		assertThat(document.getDocumentElement().getAttribute("lang")).isEqualTo("it");
		assertThat(document.getElementsByTagName("title").item(0).getTextContent())
				.isEqualTo("Relazione sul monitoraggio al 30/06/2018 — Piano della performance 2018");
	}

	@Test
	void writesThePictureOfTheFirstPageOf213() throws IOException {
		int page = pageOf("Obiettivo operativo 2.1.3 —", "Indicatore 1:");
		BufferedImage image;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			image = new PDFRenderer(document).renderImage(page, 1200f / 595.3f);
		}
		Files.createDirectories(PAGE_PICTURE.getParent());
		ImageIO.write(image, "png", PAGE_PICTURE.toFile());

		assertThat(squash(pages.get(page))).contains("Indicatore 1: n. corsi formativi per funzionari S.u.a.p.",
				"Risultato al 30/6");
		assertThat(image.getWidth()).isBetween(1190, 1210);
		assertThat(Files.size(PAGE_PICTURE)).isPositive();
	}

	private static int pageOf(String... texts) {
		for (int i = 0; i < pages.size(); i++) {
			String page = squash(pages.get(i));
			if (List.of(texts).stream().allMatch(page::contains)) {
				return i;
			}
		}
		throw new AssertionError("no page with " + List.of(texts));
	}

	static String squash(String text) {
		return text.replaceAll("\\s+", " ");
	}
}
