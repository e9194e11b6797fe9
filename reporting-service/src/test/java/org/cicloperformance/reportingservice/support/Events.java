package org.cicloperformance.reportingservice.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as the producers do (JSON strings keyed by plan id) and reads topics as an outsider. */
public final class Events {

	private static KafkaProducer<String, String> producer;

	private Events() {
	}

	public static synchronized void publish(String topic, String planId, String json) {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					InProcessInfrastructure.kafkaBrokers(), ProducerConfig.ACKS_CONFIG, "all",
					ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
		}
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, planId, json);
		try {
			producer.send(record).get();
		}
		catch (InterruptedException | ExecutionException e) {
			throw new IllegalStateException("cannot publish to " + topic, e);
		}
	}

	public static List<ConsumerRecord<String, String>> readAll(String topic, Duration wait) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessInfrastructure.kafkaBrokers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long end = System.nanoTime() + wait.toNanos();
			while (System.nanoTime() < end) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}
}
