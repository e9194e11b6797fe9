package org.cicloperformance.reportingservice.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The monitoring report of a plan at a checkpoint, from the read model: the score document (the final one of the
 * closing in force once the OIV closed the checkpoint; it names the plan version in force), that version's
 * content, the versions revised after the checkpoint, the latest results and the OIV's closing.
 */
@Service
public class ReportService {

	private final CurrentScores scores;

	private final PlanVersions plans;

	private final ResultFacts results;

	private final ReportCheckpointStatus status;

	private final MessageSource messages;

	private final ReportRenderer renderer;

	ReportService(CurrentScores scores, PlanVersions plans, ResultFacts results, ReportCheckpointStatus status,
			MessageSource messages, ReportRenderer renderer) {
		this.scores = scores;
		this.plans = plans;
		this.results = results;
		this.status = status;
		this.messages = messages;
		this.renderer = renderer;
	}

	/** A rendered report: its file name without extension and the bytes. */
	public record Rendered(String fileName, byte[] content) {
	}

	MonitoringReport report(String planId, String checkpoint, Locale locale) {
		ScoreDocument document = scores.find(planId, checkpoint)
				.orElseThrow(() -> new NotFoundException("notFound.scores", planId, checkpoint));
		int inForce = document.scorecard().planVersion();
		PlanVersionFact version = plans.version(planId, inForce)
				.orElseThrow(() -> new NotFoundException("notFound.scores", planId, checkpoint));
		// the versions revised after the checkpoint: their revisions are the proposals made at this monitoring
		List<ReportBuilder.LaterVersion> later = plans.versions(planId).stream()
				.filter(v -> v.version() > inForce && !v.appliesTo(checkpoint))
				.sorted(Comparator.comparingInt(PlanVersionFact::version))
				.map(v -> new ReportBuilder.LaterVersion(v.version(), plans.content(v), plans.revision(v).orElse(null)))
				.toList();
		ReportBuilder.Inputs inputs = new ReportBuilder.Inputs(planId, document, plans.content(version), later,
				results.latestAt(planId, checkpoint), status.closing(planId, checkpoint),
				earlierSignatories(planId, inForce));
		return ReportBuilder.build(inputs, key -> messages.getMessage(key, null, key, locale), locale);
	}

	/**
	 * The signatories of the latest version before {@code version} that names them: who signs for the body does not
	 * change with a revision that leaves them out (the year-end report is on the demo's version 2).
	 */
	private PlanEvent.Signatories earlierSignatories(String planId, int version) {
		return plans.versions(planId).stream().filter(v -> v.version() < version)
				.sorted(Comparator.comparingInt(PlanVersionFact::version).reversed()).map(plans::content)
				.map(PlanEvent.Content::signatories).filter(java.util.Objects::nonNull).findFirst().orElse(null);
	}

	public Rendered html(String planId, String checkpoint, Locale locale) {
		MonitoringReport report = report(planId, checkpoint, locale);
		return new Rendered(report.fileName(), renderer.html(report, locale).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	public Rendered pdf(String planId, String checkpoint, Locale locale) {
		MonitoringReport report = report(planId, checkpoint, locale);
		return new Rendered(report.fileName(), renderer.pdf(report, locale));
	}
}
