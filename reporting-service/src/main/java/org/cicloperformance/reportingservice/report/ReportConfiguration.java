package org.cicloperformance.reportingservice.report;

import java.time.ZoneId;
import org.cicloperformance.reportingservice.checkpoint.CheckpointState;
import org.cicloperformance.reportingservice.checkpoint.CheckpointStates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The report's view of the OIV's validation: the closing in force of the checkpoint, from {@code checkpoint-events}. */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

	/** Closing dates are the OIV's signature dates, in the entity's time zone. */
	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Bean
	ReportCheckpointStatus reportCheckpointStatus(CheckpointStates states) {
		return (planId, checkpoint) -> states.find(planId, checkpoint)
			.flatMap(CheckpointState::currentClosing)
			.map(ReportConfiguration::closing);
	}

	private static ReportCheckpointStatus.Closing closing(CheckpointState.Closing closing) {
		return new ReportCheckpointStatus.Closing(closing.at() == null ? null : closing.at().atZone(ROME).toLocalDate(),
				closing.closing(),
				closing.verdicts().stream()
					.map(v -> new ReportCheckpointStatus.Verdict(v.objective(), v.indicator(), v.verdict(),
							v.adjustedAchievement(), v.reason()))
					.toList());
	}
}
