package org.cicloperformance.reportingservice.report;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.hr.HrFeedService;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The Relazione sulla performance of a plan: made only from the final scores of the plan's final checkpoint, once
 * the OIV has closed it (the closing in force, with its final scores written); before that it is refused.
 */
@Service
public class RelazioneService {

	private final ReportService reports;

	private final PlanVersions plans;

	private final ResultFacts results;

	private final ReportCheckpointStatus status;

	private final CurrentScores scores;

	private final HrFeedService feeds;

	private final MessageSource messages;

	private final ReportRenderer renderer;

	RelazioneService(ReportService reports, PlanVersions plans, ResultFacts results, ReportCheckpointStatus status,
			CurrentScores scores, HrFeedService feeds, MessageSource messages, ReportRenderer renderer) {
		this.reports = reports;
		this.plans = plans;
		this.results = results;
		this.status = status;
		this.scores = scores;
		this.feeds = feeds;
		this.messages = messages;
		this.renderer = renderer;
	}

	Relazione relazione(String planId, Locale locale) {
		List<PlanVersionFact> versions = plans.versions(planId).stream()
				.sorted(Comparator.comparingInt(PlanVersionFact::version)).toList();
		if (versions.isEmpty()) {
			throw new NotFoundException("notFound.plan", planId);
		}
		PlanEvent.Content latest = plans.content(versions.get(versions.size() - 1));
		PlanEvent.Checkpoint last = ReportText.list(latest.checkpoints()).stream().filter(PlanEvent.Checkpoint::isFinal)
				.findFirst()
				.orElseThrow(() -> new RelazioneRefusedException("relazione.refused.noFinalCheckpoint", planId));
		String checkpoint = last.id();
		// the refusals name the checkpoint as people write it: 31/12/2018
		String shown = last.date() == null ? checkpoint : ReportText.date(last.date());
		ReportCheckpointStatus.Closing closing = status.closing(planId, checkpoint)
				.orElseThrow(() -> new RelazioneRefusedException("relazione.refused.notClosed", planId, shown));
		CurrentScores.Current current = scores.resolve(planId, checkpoint).filter(c -> c.closing() != null)
				.orElseThrow(() -> new RelazioneRefusedException("relazione.refused.finalScoresPending", planId,
						shown));
		MonitoringReport report = reports.report(planId, checkpoint, locale);
		HrFeed feed = feeds.feed(current.document(), current.closing());
		List<RelazioneBuilder.VersionInput> history = versions.stream()
				.map(v -> new RelazioneBuilder.VersionInput(v.version(), v.occurredAt(), plans.revision(v).orElse(null)))
				.toList();
		RelazioneBuilder.Inputs inputs = new RelazioneBuilder.Inputs(planId,
				latest.year() == null ? "" : String.valueOf(latest.year()), report, history,
				results.latestAt(planId, checkpoint), feed, closing, smvp(current.document()));
		return RelazioneBuilder.build(inputs, key -> messages.getMessage(key, null, key, locale), locale);
	}

	/** "2 (cciaa-brescia-2018)": the SMVP version the final scores were computed with, null when the plan has none. */
	private static String smvp(ScoreDocument document) {
		var scorecard = document.scorecard();
		return scorecard.smvpVersion() == null ? null : scorecard.smvpVersion() + " (" + scorecard.smvpId() + ")";
	}

	public ReportService.Rendered html(String planId, Locale locale) {
		Relazione relazione = relazione(planId, locale);
		return new ReportService.Rendered(relazione.fileName(),
				renderer.html(relazione, locale).getBytes(StandardCharsets.UTF_8));
	}

	public ReportService.Rendered pdf(String planId, Locale locale) {
		Relazione relazione = relazione(planId, locale);
		return new ReportService.Rendered(relazione.fileName(), renderer.pdf(relazione, locale));
	}
}
