package org.cicloperformance.reportingservice.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.cicloperformance.reportingservice.CacheSettings;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A result costs what it changes: on the seed plan a correction writes the part of its objective and the summary,
 * not the whole plan's scores. The sizes are printed (they are figures, not assertions).
 */
class WriteSizeTest extends IntegrationTest {

	@Autowired
	AutowireCapableBeanFactory beans;

	@Autowired
	ResultFacts results;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aCorrectionWritesOnePartAndTheSummaryNotTheWholePlan() {
		String plan = "size-" + UUID.randomUUID();
		ScoringService scoring = new ScoringService(beans.createBean(PlanVersions.class), results, scores, clock,
				event -> {
				}, new CacheSettings(256, 100_000));
		scoring.onPlanVersion(json.readValue(Seed.planPublished(plan), PlanEvent.class));
		scoring.onResults(Seed.juneResults(plan).stream().map(j -> json.readValue(j, ResultEvent.class)).toList());
		String id = ScoreDocument.id(plan, "2018-06-30");
		Set<String> partsBefore = new HashSet<>(summary(id).getList("parts", String.class));

		scoring.onResults(List.of(json.readValue(
				Seed.resultRecorded(plan, "2.1.3", "3", "2018-06-30", 2, Seed.numberValue("550")), ResultEvent.class)));

		List<String> partsAfter = summary(id).getList("parts", String.class);
		List<String> written = partsAfter.stream().filter(p -> !partsBefore.contains(p)).toList();
		assertThat(written).hasSize(1).allMatch(p -> p.startsWith(id + "#2.1.3#"));
		Document whole = new Document();
		mongo.getConverter().write(scores.find(plan, "2018-06-30").orElseThrow(), whole);
		int part = size(mongo.getCollection(ScoreStore.COLLECTION).find(new Document("_id", written.get(0))).first());
		int summary = size(summary(id));
		System.out.printf("[figures] seed plan at 30/6: %d objectives; one correction writes part %d B + summary %d B"
				+ " = %d B; the whole scores (one document before issue 13) are %d B%n", partsAfter.size(), part,
				summary, part + summary, size(whole));
	}

	private Document summary(String id) {
		return mongo.getCollection(ScoreStore.COLLECTION).find(new Document("_id", id)).first();
	}

	private static int size(Document document) {
		return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
	}
}
