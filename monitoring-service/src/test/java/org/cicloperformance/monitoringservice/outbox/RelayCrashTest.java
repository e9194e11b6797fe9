package org.cicloperformance.monitoringservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.cicloperformance.monitoringservice.outbox.OutboxRelayTest.ControlledBroker;
import org.cicloperformance.monitoringservice.outbox.RelayFixture.Instance;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * No event lost when a process dies between the write and the broker's acknowledgement, without the relay ever
 * rewriting a document: processes ("relays" with their own marks and queues) on one mongo-java-server database, the
 * real in-process broker.
 */
class RelayCrashTest {

	private final RelayFixture fixture = new RelayFixture();

	private final List<OutboxRelay> started = new ArrayList<>();

	private KafkaEventSender kafka;

	private KafkaConsumer<String, String> consumer;

	private final String plan = "piano-" + UUID.randomUUID();

	@BeforeEach
	void realBroker() {
		String brokers = TestInfrastructure.broker().getBrokersAsString();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
				"spring.cloud.stream.kafka.binder.brokers", brokers,
				"spring.cloud.stream.bindings.resultEvents-out-0.destination", "result-events")));
		kafka = new KafkaEventSender(environment);
		consumer = TestInfrastructure.consumer(brokers, "result-events");
	}

	@AfterEach
	void close() {
		started.forEach(OutboxRelay::halt);
		kafka.destroy();
		consumer.close();
		fixture.close();
	}

	@Test
	void aNewProcessReSendsFromTheMarkWhatADeadProcessWroteAndNeverSent() {
		Instance dead = fixture.process(new ControlledBroker());
		List<String> written = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			written.add(dead.write("doc-" + (i % 3), plan).eventId());
		}
		// the last one died after its write and before its hand-off
		written.add(dead.writeWithoutHandOff("doc-0", plan).eventId());
		assertThat(fixture.marks()).hasSize(1);

		Instance next = start(fixture.process(kafka));

		assertThat(received()).containsExactlyElementsOf(written);
		await().atMost(Duration.ofSeconds(10)).until(() -> next.backlog() == 0);
		// the dead process's mark is deleted once its heartbeat has stood still long enough: not yet
		assertThat(fixture.marks()).hasSize(2);
	}

	@Test
	void aLiveProcessesMarkProtectsItsEventsNotYetAcknowledgedAndIsTakenOverOnceItsHeartbeatStops() {
		ControlledBroker neverAcknowledges = new ControlledBroker();
		Instance first = start(fixture.process(neverAcknowledges));
		Instance second = start(fixture.process(kafka, (binding, entry, reason) -> {
		}, Duration.ofSeconds(5)));
		await().atMost(Duration.ofSeconds(10)).until(() -> fixture.marks().size() == 2);

		List<String> written = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			written.add(first.write("doc-" + (i % 2), plan).eventId());
		}
		written.add(first.writeWithoutHandOff("doc-1", plan).eventId());
		// the first is sent and never acknowledged, the others wait in its queue for the next round
		await().atMost(Duration.ofSeconds(10)).until(() -> !neverAcknowledges.sent().isEmpty());

		fixture.commands.clear();
		// alive (its heartbeat moves): the second process leaves its events and its mark alone
		assertThat(receivedDuring(Duration.ofMillis(1500))).isEmpty();
		assertThat(fixture.marks()).extracting(m -> m.get("_id")).contains(first.marks.instance());

		first.relay.halt();

		assertThat(received()).containsExactlyElementsOf(written);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fixture.marks())
				.extracting(m -> m.get("_id")).containsExactly(second.marks.instance()));
		assertThat(fixture.onResults()).doesNotContain("update results", "delete results");
	}

	@Test
	void relaysOnceAfterTheUpgradeTheEventsTheFormerRelayLeftInTheDocuments() {
		// as the former version left it: pending events without stamps, no lastEventAt
		String eventId = UUID.randomUUID().toString();
		fixture.mongo.getCollection(RelayFixture.RESULTS).insertOne(new Document("_id", "doc-old")
				.append("outbox", List.of(new Document("eventId", eventId).append("key", plan)
						.append("eventType", "ResultRecorded")
						.append("payload", "{\"eventId\":\"" + eventId + "\",\"planId\":\"" + plan + "\"}")
						.append("createdAt", System.currentTimeMillis() - 60_000))));

		Instance upgraded = start(fixture.process(kafka));

		assertThat(received()).containsExactly(eventId);
		await().atMost(Duration.ofSeconds(10)).until(() -> upgraded.backlog() == 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> fixture.mongo.getCollection(OutboxMarks.COLLECTION)
				.find(new Document("_id", "upgraded:results")).first() != null);
		upgraded.relay.stop();

		Instance restarted = start(fixture.process(kafka));
		String after = restarted.write("doc-old", plan).eventId();
		assertThat(received()).containsExactly(after);
	}

	@Test
	void aCleanStopDeletesTheMarkAndAWriteAfterItSavesItAgain() {
		Instance process = start(fixture.process(kafka));
		String sent = process.write("doc-0", plan).eventId();
		assertThat(received()).containsExactly(sent);
		await().atMost(Duration.ofSeconds(10)).until(() -> process.backlog() == 0);

		process.relay.stop();
		assertThat(fixture.marks()).isEmpty();

		String late = process.write("doc-0", plan).eventId();
		assertThat(fixture.marks()).hasSize(1);
		Instance next = start(fixture.process(kafka));
		// from the mark, less a second's grace: the event before may come again (at least once)
		assertThat(received()).endsWith(late).containsOnlyOnce(late);
		await().atMost(Duration.ofSeconds(10)).until(() -> next.backlog() == 0);
	}

	private List<String> receivedDuring(Duration duration) {
		List<String> mine = new ArrayList<>();
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			TestInfrastructure.poll(consumer).stream().filter(r -> plan.equals(r.key()))
					.forEach(r -> mine.add(JsonPath.read(r.value(), "$.eventId")));
		}
		return mine;
	}

	private Instance start(Instance process) {
		process.relay.start();
		started.add(process.relay);
		return process;
	}

	/** The event ids of this test's plan received from now on, in order, once they stop coming for a second. */
	private List<String> received() {
		List<String> mine = new ArrayList<>();
		long[] quietSince = { System.nanoTime() };
		await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
			List<ConsumerRecord<String, String>> records = TestInfrastructure.poll(consumer);
			records.stream().filter(r -> plan.equals(r.key()))
					.forEach(r -> mine.add(JsonPath.read(r.value(), "$.eventId")));
			if (records.stream().anyMatch(r -> plan.equals(r.key()))) {
				quietSince[0] = System.nanoTime();
			}
			return !mine.isEmpty() && System.nanoTime() - quietSince[0] > 1_000_000_000L;
		});
		return mine;
	}
}
