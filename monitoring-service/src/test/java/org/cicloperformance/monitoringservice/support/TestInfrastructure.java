package org.cicloperformance.monitoringservice.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One in-process Kafka broker (KRaft) and one in-memory MongoDB wire server per test JVM, started on first use
 * and shared by every integration test.
 */
public final class TestInfrastructure {

	private static EmbeddedKafkaKraftBroker broker;

	private static MongoServer mongo;

	private static String mongoUri;

	private TestInfrastructure() {
	}

	public static synchronized EmbeddedKafkaKraftBroker broker() {
		if (broker == null) {
			broker = new EmbeddedKafkaKraftBroker(1, 1, "plan-events", "result-events", "checkpoint-events",
					"plan-events.monitoring-service.dlq");
			broker.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		}
		return broker;
	}

	public static synchronized String mongoUri() {
		return mongoUri("monitoring");
	}

	/** Another database on the same server, for a context that must not share the shared context's data. */
	public static synchronized String mongoUri(String database) {
		if (mongo == null) {
			mongo = new MongoServer(new MemoryBackend());
			InetSocketAddress address = mongo.bind();
			mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/";
			Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
		}
		return mongoUri + database;
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", TestInfrastructure::mongoUri);
		registry.add("spring.cloud.stream.kafka.binder.brokers", () -> broker().getBrokersAsString());
	}

	public static void send(String brokers, String topic, String key, String json) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			// No headers, as a plain Kafka producer sends it: the binding's content type applies.
			producer.send(new ProducerRecord<>(topic, key, json)).get();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** A consumer of its own group reading {@code topic} from the beginning. */
	public static KafkaConsumer<String, String> consumer(String brokers, String topic) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
		consumer.subscribe(List.of(topic));
		return consumer;
	}

	public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		return records;
	}
}
