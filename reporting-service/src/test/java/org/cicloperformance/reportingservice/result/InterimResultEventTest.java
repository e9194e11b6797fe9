package org.cicloperformance.reportingservice.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;

/**
 * The tolerant record reads monitoring's {@code interim} flag (golden sample, contract result-events.schema.json),
 * and the policy hook decides from it: interim results are not scored unless {@code reporting.interim.scored}.
 */
class InterimResultEventTest {

	private static String sample() {
		Path sample = Seed.RESULT_CONTRACTS.resolve("result-recorded.sample.json");
		assertThat(sample).as("monitoring's golden sample").exists();
		return Seed.read(sample);
	}

	@Test
	void theGoldenSampleIsAtACheckpointAndAnInterimOneSaysSo() {
		ResultEvent atCheckpoint = Seed.JSON.readValue(sample(), ResultEvent.class);
		ResultEvent interim = Seed.JSON.readValue(sample().replace("\"interim\": false", "\"interim\": true")
				.replace("\"2018-06-30\"", "\"2018-09-30\""), ResultEvent.class);
		ResultEvent older = Seed.JSON.readValue(sample().replace(",\n  \"interim\": false", ""), ResultEvent.class);

		assertThat(atCheckpoint.atInterimPeriod()).isFalse();
		assertThat(interim.atInterimPeriod()).isTrue();
		assertThat(interim.checkpoint()).isEqualTo("2018-09-30");
		assertThat(older.interim()).as("an event written before interim periods").isNull();
		assertThat(older.atInterimPeriod()).isFalse();
	}

	@Test
	void interimResultsAreNotScoredUnlessTheSettingSaysSo() {
		ResultEvent atCheckpoint = Seed.JSON.readValue(sample(), ResultEvent.class);
		ResultEvent interim = Seed.JSON.readValue(sample().replace("\"interim\": false", "\"interim\": true"),
				ResultEvent.class);

		assertThat(InterimSettings.NOT_SCORED.scores(atCheckpoint)).isTrue();
		assertThat(InterimSettings.NOT_SCORED.scores(interim)).isFalse();
		assertThat(new InterimSettings(true).scores(interim)).isTrue();
	}
}
