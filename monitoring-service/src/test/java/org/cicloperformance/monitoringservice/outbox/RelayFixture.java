package org.cicloperformance.monitoringservice.outbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonValue;
import org.bson.Document;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A database of its own on the test mongo-java-server, a collection {@code results} with an outbox, and relays
 * ("processes": each its own marks, queue and relay) on it. Events are written as the stores write them: one
 * single-document update that pushes the stamped event and sets {@code lastEventAt}, then the hand-off. Every
 * command sent on this client is recorded, whatever the thread.
 */
final class RelayFixture implements AutoCloseable {

	static final String RESULTS = "results";

	final List<String> commands = Collections.synchronizedList(new ArrayList<>());

	final MongoClient client;

	final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	private static final AtomicLong createdAt = new AtomicLong(System.currentTimeMillis());

	RelayFixture() {
		CommandListener listener = new CommandListener() {

			@Override
			public void commandStarted(CommandStartedEvent event) {
				BsonValue target = event.getCommand().get(event.getCommandName());
				commands.add(event.getCommandName()
						+ (target != null && target.isString() ? " " + target.asString().getValue() : ""));
			}
		};
		client = MongoClients.create(MongoClientSettings.builder()
				.applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri()))
				.addCommandListener(listener).build());
		mongo = new MongoTemplate(client, "outbox-" + UUID.randomUUID());
	}

	/** One process: its marks (a new instance id), its queue, the outbox of {@code results}, its relay. */
	final class Instance {

		final SimpleMeterRegistry meters = new SimpleMeterRegistry();

		final OutboxMarks marks = new OutboxMarks(mongo, Clock.systemUTC());

		final OutboxQueue queue;

		final OutboxCollection outbox;

		final OutboxRelay relay;

		Instance(EventSender sender, OutboxRelay.Parking parking, Duration deadAfter, long maxBacklog) {
			queue = new OutboxQueue(Clock.systemUTC(), marks, maxBacklog);
			outbox = new OutboxCollection("resultEvents-out-0", RESULTS, mongo, queue);
			relay = new OutboxRelay(List.of(outbox), queue, marks, sender, parking, Clock.systemUTC(), meters, 20,
					Duration.ofSeconds(30), Duration.ofMillis(50), deadAfter, Duration.ofSeconds(1));
		}

		double backlog() {
			return meters.get("monitoring.outbox.backlog").gauge().value();
		}

		/** Writes one event to {@code document} and hands it over, as a store does. */
		OutboxEntry write(String document, String plan) {
			try (OutboxWrite write = outbox.begin()) {
				OutboxEntry event = store(write, document, plan);
				write.written(document, List.of(event));
				return event;
			}
		}

		/** Writes one event and dies before the hand-off: the write stays open, as in a process that crashed. */
		OutboxEntry writeWithoutHandOff(String document, String plan) {
			return store(outbox.begin(), document, plan);
		}
	}

	Instance process(EventSender sender, OutboxRelay.Parking parking, Duration deadAfter) {
		return new Instance(sender, parking, deadAfter, Long.MAX_VALUE);
	}

	/** A process that refuses writes while it holds {@code maxBacklog} unacknowledged events. */
	Instance process(EventSender sender, long maxBacklog) {
		return new Instance(sender, (binding, entry, reason) -> {
		}, Duration.ofMinutes(1), maxBacklog);
	}

	Instance process(EventSender sender) {
		return new Instance(sender, (binding, entry, reason) -> {
		}, Duration.ofMinutes(1), Long.MAX_VALUE);
	}

	private OutboxEntry store(OutboxWrite write, String document, String plan) {
		String eventId = UUID.randomUUID().toString();
		OutboxEntry event = new OutboxEntry(eventId, plan, "ResultRecorded",
				"{\"eventId\":\"" + eventId + "\",\"planId\":\"" + plan + "\"}", createdAt.incrementAndGet());
		mongo.getCollection(RESULTS).updateOne(Filters.eq("_id", document),
				Updates.combine(Updates.push("outbox", write.stamped(codec.toDocument(event))), write.lastEventAt()),
				new UpdateOptions().upsert(true));
		return event;
	}

	/** The events stored in {@code document}, in order. */
	List<String> storedEventIds(String document) {
		Document d = mongo.getCollection(RESULTS).find(Filters.eq("_id", document)).first();
		return d == null ? List.of()
				: d.getList("outbox", Document.class, List.of()).stream().map(e -> e.getString("eventId")).toList();
	}

	List<Document> marks() {
		return mongo.getCollection(OutboxMarks.COLLECTION).find(Filters.exists("through")).into(new ArrayList<>());
	}

	/** The commands recorded on collection {@code results} (e.g. "update results"). */
	List<String> onResults() {
		synchronized (commands) {
			return commands.stream().filter(c -> c.endsWith(" " + RESULTS)).toList();
		}
	}

	@Override
	public void close() {
		client.close();
	}
}
