package org.cicloperformance.monitoringservice.result.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.MongoCommands;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a batch costs in round trips to MongoDB, counted as the commands the request's thread sends: a constant,
 * whatever the number of items (the plan, the checkpoints, the heads of the results, one bulk write, the audit
 * entry), not one read and one write per item.
 */
class BatchRoundTripsTest extends IntegrationTestBase {

	/** Four result documents of the sample plan that the default user (area ANA) may report on. */
	static final List<String[]> DOCUMENTS = List.of(new String[] { "1", "2018-06-30" },
			new String[] { "1", "2018-12-31" }, new String[] { "3", "2018-06-30" },
			new String[] { "3", "2018-12-31" });

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	MeterRegistry meters;

	String planId;

	@BeforeEach
	void knowTheSamplePlan() {
		planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
	}

	@Test
	void writesABatchOfAHundredResultsWithAConstantNumberOfRoundTrips() throws Exception {
		List<String> few = postBatch(batch(4, false), null);
		List<String> hundred = postBatch(batch(100, false), null);
		List<String> keyed = postBatch(batch(100, true), UUID.randomUUID().toString());
		System.out.printf("MongoDB commands of one batch: 4 new results %d %s; 100 corrections %d %s; "
				+ "100 corrections with an Idempotency-Key %d %s%n", few.size(), few, hundred.size(), hundred,
				keyed.size(), keyed);

		assertThat(onResults(few)).containsExactly("find results", "insert results");
		assertThat(onResults(hundred)).containsExactly("find results", "update results");
		assertThat(onResults(keyed)).containsExactly("find results", "update results");
		assertThat(hundred).hasSameSizeAs(few).hasSizeLessThanOrEqualTo(6);
		// the key's claim and its completion on top
		assertThat(keyed).hasSize(hundred.size() + 2);
	}

	@Test
	void writesACsvUploadOfAHundredLinesWithAConstantNumberOfRoundTrips() throws Exception {
		StringBuilder csv = new StringBuilder("piano;obiettivo;indicatore;checkpoint;valore;commento\r\n");
		for (int i = 0; i < 100; i++) {
			String[] d = DOCUMENTS.get(i % DOCUMENTS.size());
			csv.append(planId).append(";1.1.1;").append(d[0]).append(';').append(d[1]).append(';').append(10 + i % 50)
					.append(";riga ").append(i).append("\r\n");
		}
		List<String> commands = MongoCommands.sentBy(() -> mvc.perform(post("/api/results/csv")
				.contentType("text/csv").content(csv.toString())).andExpect(status().isCreated()));
		System.out.printf("MongoDB commands of a CSV upload of 100 lines: %d %s%n", commands.size(), commands);

		assertThat(onResults(commands)).containsExactly("find results", "insert results");
		assertThat(commands).hasSizeLessThanOrEqualTo(6);
	}

	/**
	 * The outbox relay's side of a batch: it gets the events from the write itself, so it neither reads nor rewrites
	 * the batch's result documents (before, one read and one {@code $pull} per document).
	 */
	@Test
	void relaysTheEventsOfABatchWithoutReadingOrRewritingItsResults() throws Exception {
		postBatch(batch(4, false), null);
		await().atMost(Duration.ofSeconds(20)).until(() -> backlog() == 0);

		List<String> relay = MongoCommands.sentOnThread("outbox-relay", () -> {
			postBatch(batch(100, true), null);
			await().atMost(Duration.ofSeconds(20)).until(() -> backlog() == 0);
		});
		System.out.printf("MongoDB commands of the outbox relay for a batch of 100 results: %d %s%n", relay.size(),
				relay);

		assertThat(onResults(relay)).isEmpty();
	}

	private double backlog() {
		return meters.get("monitoring.outbox.backlog").gauge().value();
	}

	/** A figure, not a check: the median time of twenty batches of a hundred results, each on a plan of its own. */
	@Test
	void printsTheTimeOfABatchOfAHundredResults() throws Exception {
		postBatch(batch(4, false), null);
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			knowTheSamplePlan();
			postBatch(batch(4, false), null);
			String body = batch(100, true);
			long start = System.nanoTime();
			postBatch(body, null);
			micros.add((System.nanoTime() - start) / 1_000);
		}
		micros.sort(null);
		System.out.printf("Batch of 100 corrections (4 documents of 1 plan), 20 runs: median %.1f ms, min %.1f ms%n",
				micros.get(10) / 1000.0, micros.get(0) / 1000.0);
		assertThat(micros).hasSize(20);
	}

	private List<String> postBatch(String body, String key) throws Exception {
		return MongoCommands.sentBy(() -> {
			var request = post("/api/results/batch").contentType(MediaType.APPLICATION_JSON).content(body);
			if (key != null) {
				request.header("Idempotency-Key", key);
			}
			mvc.perform(request).andExpect(status().isCreated());
		});
	}

	private static List<String> onResults(List<String> commands) {
		return commands.stream().filter(c -> c.endsWith(" results")).toList();
	}

	/** {@code size} items spread over the four documents; with {@code reason}, as corrections. */
	private String batch(int size, boolean reason) {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String[] d = DOCUMENTS.get(i % DOCUMENTS.size());
			items.add("""
					{"planId":"%s","objective":"1.1.1","indicator":"%s","checkpoint":"%s","value":{"number":%d},
					 "commentary":"Riga %d"%s}""".formatted(planId, d[0], d[1], 10 + i % 50, i,
					reason ? ",\"reason\":\"rettifica\"" : ""));
		}
		return "{\"results\":[" + String.join(",", items) + "]}";
	}
}
