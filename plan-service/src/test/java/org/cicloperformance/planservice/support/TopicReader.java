package org.cicloperformance.planservice.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning with a plain Kafka consumer, as an outside subscriber would. */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	public TopicReader(String brokers, String topic) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(List.of(topic));
	}

	/** Everything read so far, after one more poll. */
	public List<ConsumerRecord<String, String>> poll() {
		consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		return List.copyOf(seen);
	}

	public List<ConsumerRecord<String, String>> withKey(String key) {
		return poll().stream().filter(r -> key.equals(r.key())).toList();
	}

	@Override
	public void close() {
		consumer.close();
	}
}
