package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.result.ResultStore.Write;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.MongoCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bulk write of a batch on mongo-java-server: inserts and compare-and-set appends in one unordered bulk write,
 * several versions pushed to one document at once, and each lost race named (the others written all the same).
 */
class ResultStoreBulkWriteTest extends IntegrationTestBase {

	@Autowired
	ResultStore store;

	String planId;

	@BeforeEach
	void aPlanOfItsOwn() {
		planId = "piano-" + UUID.randomUUID();
	}

	@Test
	void writesInsertsAndAppendsTogetherAndNamesOnlyTheLostRaces() throws Exception {
		String fresh = id("1");
		String raced = existing("2", 1);
		String appended = existing("3", 1);
		String stale = existing("4", 2);

		AtomicReference<Set<String>> lost = new AtomicReference<>();
		List<String> commands = MongoCommands.sentBy(() -> {
			lost.set(store.writeAll(List.of(
					new Write(document(fresh, 0, 700), 0),
					new Write(document(raced, 0, 701), 0),
					new Write(document(appended, 1, 702, 703, 704), 1),
					new Write(document(stale, 1, 705), 1))));
		});

		assertThat(lost.get()).containsExactlyInAnyOrder(raced, stale);
		assertThat(store.find(fresh).orElseThrow().versions()).extracting(v -> v.value().number())
				.containsExactly(new BigDecimal(700));
		ResultDocument three = store.find(appended).orElseThrow();
		assertThat(three.currentVersion()).isEqualTo(4);
		assertThat(three.versions()).extracting(ResultVersion::version).containsExactly(1, 2, 3, 4);
		assertThat(three.versions()).extracting(v -> v.value().number()).containsExactly(new BigDecimal(600),
				new BigDecimal(702), new BigDecimal(703), new BigDecimal(704));
		assertThat(three.outbox().stream().map(OutboxEntry::eventId).toList())
				.containsSubsequence(three.versions().stream().skip(1).map(ResultVersion::eventId).toList());
		assertThat(store.find(raced).orElseThrow().versions()).extracting(v -> v.value().number())
				.containsExactly(new BigDecimal(600));
		assertThat(store.find(stale).orElseThrow().versions()).extracting(v -> v.value().number())
				.containsExactly(new BigDecimal(600), new BigDecimal(600));
		// one bulk write (the driver sends inserts and updates as two commands), then the re-read of the appends
		assertThat(commands).containsExactly("insert results", "update results", "find results");
	}

	@Test
	void writesWithoutReReadingWhenNoRaceIsLost() throws Exception {
		String fresh = id("1");
		String appended = existing("2", 1);

		List<String> commands = MongoCommands.sentBy(() -> store.writeAll(List.of(
				new Write(document(fresh, 0, 700, 701), 0), new Write(document(appended, 1, 702), 1))));

		assertThat(commands).containsExactly("insert results", "update results");
		assertThat(store.find(fresh).orElseThrow().versions()).extracting(ResultVersion::version)
				.containsExactly(1, 2);
		assertThat(store.find(appended).orElseThrow().currentVersion()).isEqualTo(2);
	}

	@Test
	void readsTheHeadsOfABatchInOneQuery() throws Exception {
		String one = existing("1", 1);
		String two = existing("2", 3);
		String none = id("3");

		AtomicReference<Map<String, ResultDocument>> heads = new AtomicReference<>();
		List<String> commands = MongoCommands.sentBy(() -> heads.set(store.heads(List.of(one, two, none), false)));

		assertThat(commands).containsExactly("find results");
		assertThat(heads.get()).containsOnlyKeys(one, two);
		assertThat(heads.get().get(two).currentVersion()).isEqualTo(3);
		assertThat(heads.get().get(two).versions()).isEmpty();
		ResultDocument whole = store.heads(List.of(two), true).get(two);
		assertThat(whole.versions()).extracting(ResultVersion::version).containsExactly(1, 2, 3);
		assertThat(whole.planId()).isEqualTo(planId);
		assertThat(whole.outbox()).isEmpty();
	}

	private String id(String indicator) {
		return ResultDocument.idOf(planId, "1.1.1", indicator, "2018-06-30");
	}

	/** A document at {@code versions} versions, each of value 600. */
	private String existing(String indicator, int versions) {
		String id = id(indicator);
		assertThat(store.insertFirst(document(id, 0, 600))).isTrue();
		for (int v = 2; v <= versions; v++) {
			assertThat(store.append(id, v - 1, version(v, 600), event(id))).isTrue();
		}
		return id;
	}

	/** The document with versions {@code after}+1… of these values, and their events. */
	private ResultDocument document(String id, int after, int... values) {
		List<ResultVersion> versions = new java.util.ArrayList<>();
		for (int value : values) {
			versions.add(version(after + versions.size() + 1, value));
		}
		return new ResultDocument(id, planId, "cciaa-esempio", "1.1.1", id.split("\\|")[2], "2018-06-30",
				after + values.length, versions, versions.stream().map(v -> event(id, v.eventId())).toList(),
				List.of());
	}

	private static ResultVersion version(int version, int number) {
		return new ResultVersion(version, 1, new ResultValue(new BigDecimal(number), null, null, null, null, null,
				null), null, null, null, "ufficio-ri", null, Instant.ofEpochMilli(1_000), UUID.randomUUID().toString(),
				null);
	}

	private static OutboxEntry event(String id) {
		return event(id, UUID.randomUUID().toString());
	}

	/** An event the relay will publish on result-events, which other tests read: it has at least its eventId. */
	private static OutboxEntry event(String id, String eventId) {
		return new OutboxEntry(eventId, id.substring(0, id.indexOf('|')), "ResultRecorded",
				"{\"type\":\"ResultRecorded\",\"eventId\":\"" + eventId + "\"}", 1_000);
	}
}
