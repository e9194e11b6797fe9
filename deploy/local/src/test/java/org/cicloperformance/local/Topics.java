package org.cicloperformance.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The fault tests' own Kafka clients: they read and write the topics as an outsider would, with no group. */
final class Topics {

	private final String brokers;

	Topics(String brokers) {
		this.brokers = brokers;
	}

	/** Sends raw bytes, acknowledged by the broker, as a redelivery or a faulty producer would. */
	void send(ProducerRecord<byte[], byte[]> record) {
		try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new AssertionError("send to " + record.topic(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	/** The first record of the topic whose value contains the text (the topic is read from its start). */
	Optional<ConsumerRecord<byte[], byte[]>> find(String topic, String text) {
		try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
			var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map(p -> new TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			var ends = consumer.endOffsets(partitions);
			var needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
				for (var record : consumer.poll(Duration.ofMillis(500))) {
					if (record.value() != null && indexOf(record.value(), needle) >= 0) {
						return Optional.of(record);
					}
				}
			}
			return Optional.empty();
		}
	}

	/** How many records the topic holds; 0 when it does not exist (a dead-letter topic before its first letter). */
	long count(String topic) {
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000))) {
			var description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
			var partitions = description.partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
				.collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
			return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).values().stream()
				.mapToLong(o -> o.offset()).sum();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof UnknownTopicOrPartitionException) {
				return 0;
			}
			throw new AssertionError("count of " + topic, e);
		}
		catch (TimeoutException e) {
			throw new AssertionError("count of " + topic, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
