package org.cicloperformance.monitoringservice.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The relay's Kafka producer. A plain producer rather than StreamBridge, because the relay sends many events without
 * waiting and then needs each one's acknowledgement (a {@code sync} binding waits for every send; an async one
 * gives no result). It is configured like the binder's producers, from the same properties: the binder's brokers,
 * {@code configuration}, {@code producer-properties} (idempotent, {@code linger.ms}) and {@code required-acks}; the
 * topic of a binding is its {@code destination}. Each record: key the plan id, the event's JSON as UTF-8, and one
 * header, {@code eventType} (UTF-8 text). No {@code spring_json_header_types} naming Java classes, noise to any
 * non-Java consumer, and so no {@code contentType} header either (without the type map a Spring consumer would read
 * it as bytes): the consumers' bindings declare {@code content-type: application/json}, as the contract says.
 */
@Component
class KafkaEventSender implements EventSender, DisposableBean {

	private static final String BINDER = "spring.cloud.stream.kafka.binder";

	private final Producer<byte[], byte[]> producer;

	private final Environment environment;

	private final Map<String, String> topics = new ConcurrentHashMap<>();

	KafkaEventSender(Environment environment) {
		this.producer = new KafkaProducer<>(configuration(environment), new ByteArraySerializer(),
				new ByteArraySerializer());
		this.environment = environment;
	}

	static Map<String, Object> configuration(Environment environment) {
		Binder binder = Binder.get(environment);
		Map<String, Object> configuration = new HashMap<>();
		configuration.putAll(binder.bind(BINDER + ".configuration", Bindable.mapOf(String.class, String.class))
				.orElse(Map.of()));
		configuration.putAll(binder.bind(BINDER + ".producer-properties", Bindable.mapOf(String.class, String.class))
				.orElse(Map.of()));
		List<String> brokers = binder.bind(BINDER + ".brokers", Bindable.listOf(String.class))
				.orElse(List.of("localhost:9092"));
		configuration.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", brokers));
		configuration.put(ProducerConfig.ACKS_CONFIG, binder.bind(BINDER + ".required-acks", String.class).orElse("all"));
		configuration.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "monitoring-outbox-relay");
		return configuration;
	}

	@Override
	public CompletableFuture<Void> send(String binding, OutboxEntry entry) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(new RecordHeader("eventType", entry.eventType().getBytes(StandardCharsets.UTF_8)));
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topicOf(binding), null,
				entry.key().getBytes(StandardCharsets.UTF_8), entry.payload().getBytes(StandardCharsets.UTF_8), headers);
		CompletableFuture<Void> acknowledged = new CompletableFuture<>();
		try {
			producer.send(record, (metadata, failure) -> {
				if (failure == null) {
					acknowledged.complete(null);
				}
				else {
					acknowledged.completeExceptionally(failure);
				}
			});
		}
		catch (RuntimeException e) {
			acknowledged.completeExceptionally(e);
		}
		return acknowledged;
	}

	private String topicOf(String binding) {
		return topics.computeIfAbsent(binding,
				b -> environment.getProperty("spring.cloud.stream.bindings." + b + ".destination", b));
	}

	@Override
	public void destroy() {
		producer.close(Duration.ofSeconds(5));
	}
}
