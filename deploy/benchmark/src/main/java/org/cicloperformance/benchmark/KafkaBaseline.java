package org.cicloperformance.benchmark;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's own speed, with kafka-clients and no Spring: messages of the size of a real {@code ResultRecorded}
 * event, keyed like them, on a topic with the same partitions, produced with {@code acks=all} and idempotence (as
 * monitoring-service's relay does) and consumed by one consumer. Throughput at saturation, and the
 * produce→consume latency at a fixed rate and at saturation (send time carried in a header, same JVM clock).
 */
final class KafkaBaseline {

	private final String brokers;

	private final int messageSize;

	KafkaBaseline(String brokers, int messageSize) {
		this.brokers = brokers;
		this.messageSize = messageSize;
	}

	/** Samples real events on a topic and returns their mean payload size in bytes (or the fallback). */
	static int meanEventSize(String brokers, String topic, int fallback) {
		var props = consumerProps(brokers);
		try (var consumer = new KafkaConsumer<byte[], byte[]>(props)) {
			var partitions = consumer.partitionsFor(topic).stream()
				.map(p -> new TopicPartition(topic, p.partition())).toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long total = 0;
			int count = 0;
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (count < 500 && System.nanoTime() < deadline) {
				for (var record : consumer.poll(Duration.ofMillis(500))) {
					total += record.value().length;
					count++;
				}
			}
			return count == 0 ? fallback : (int) (total / count);
		}
	}

	Map<String, Object> run(int messages, int rate, int rateSeconds) {
		var out = new LinkedHashMap<String, Object>();
		out.put("messageBytes", messageSize);
		out.put("producer", "acks=all, enable.idempotence=true, linger.ms=5 (client default), one producer");
		out.put("saturation", saturation(topic("saturation"), messages));
		out.put("fixedRate", fixedRate(topic("rate"), rate, rateSeconds));
		return out;
	}

	private String topic(String what) {
		String name = "benchmark-baseline-" + what + "-" + System.currentTimeMillis();
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
			admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot create topic " + name, e);
		}
		return name;
	}

	private Map<String, Object> saturation(String topic, int messages) {
		var latencies = new Latencies();
		var consumed = new AtomicLong();
		var lastConsumed = new AtomicLong();
		var consumer = consumerThread(topic, messages, latencies, consumed, lastConsumed);
		long start;
		try (var producer = producer()) {
			byte[] payload = payload();
			start = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				producer.send(record(topic, i, payload));
			}
			producer.flush();
		}
		join(consumer, Duration.ofMinutes(5));
		double seconds = (lastConsumed.get() - start) / 1e9;
		var out = new LinkedHashMap<String, Object>();
		out.put("messages", consumed.get());
		out.put("seconds", seconds);
		out.put("perSecond", consumed.get() / seconds);
		out.put("latencyMs", latencies.summary());
		return out;
	}

	private Map<String, Object> fixedRate(String topic, int rate, int seconds) {
		int messages = rate * seconds;
		var latencies = new Latencies();
		var consumed = new AtomicLong();
		var lastConsumed = new AtomicLong();
		var consumer = consumerThread(topic, messages, latencies, consumed, lastConsumed);
		try (var producer = producer()) {
			byte[] payload = payload();
			long start = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				long due = start + (long) (i * 1e9 / rate);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					java.util.concurrent.locks.LockSupport.parkNanos(wait);
				}
				producer.send(record(topic, i, payload));
			}
			producer.flush();
		}
		join(consumer, Duration.ofMinutes(2));
		var out = new LinkedHashMap<String, Object>();
		out.put("offeredPerSecond", rate);
		out.put("messages", consumed.get());
		out.put("latencyMs", latencies.summary());
		return out;
	}

	private ProducerRecord<byte[], byte[]> record(String topic, int i, byte[] payload) {
		var record = new ProducerRecord<byte[], byte[]>(topic, ("bench-ente-" + (i % 200) + "-2030").getBytes(),
				payload);
		record.headers().add("sentAt", ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
		return record;
	}

	private byte[] payload() {
		byte[] payload = new byte[messageSize];
		for (int i = 0; i < payload.length; i++) {
			payload[i] = (byte) ('a' + i % 26);
		}
		return payload;
	}

	private KafkaProducer<byte[], byte[]> producer() {
		var props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static Properties consumerProps(String brokers) {
		var props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		return props;
	}

	/** Starts consuming the topic from the beginning (before anything is produced) until {@code expected}. */
	private Thread consumerThread(String topic, int expected, Latencies latencies, AtomicLong consumed,
			AtomicLong lastConsumed) {
		var ready = new java.util.concurrent.CountDownLatch(1);
		var thread = new Thread(() -> {
			try (var consumer = new KafkaConsumer<byte[], byte[]>(consumerProps(brokers))) {
				var partitions = new ArrayList<TopicPartition>();
				for (int p = 0; p < 3; p++) {
					partitions.add(new TopicPartition(topic, p));
				}
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				partitions.forEach(consumer::position);
				ready.countDown();
				long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
				while (consumed.get() < expected && System.nanoTime() < deadline) {
					for (var record : consumer.poll(Duration.ofMillis(100))) {
						long now = System.nanoTime();
						var header = record.headers().lastHeader("sentAt");
						if (header != null) {
							latencies.add((now - ByteBuffer.wrap(header.value()).getLong()) / 1000);
						}
						consumed.incrementAndGet();
						lastConsumed.set(now);
					}
				}
			}
			finally {
				ready.countDown();
			}
		}, "kafka-baseline-consumer");
		thread.start();
		try {
			ready.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return thread;
	}

	private static void join(Thread thread, Duration timeout) {
		try {
			thread.join(timeout.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
