package org.cicloperformance.reportingservice.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead letters for the bindings in batch mode. The binder retries and dead-letters single records by
 * itself, but a failed batch it would send to the dead-letter topic whole, good records included. Here the
 * container's error handler does it per record instead: the consumer names the failing record's index
 * ({@code BatchListenerFailedException}), the records before it are committed, the failing one is retried with the
 * binding's back-off ({@code max-attempts}, {@code back-off-*}) and then published to the binding's dead-letter
 * topic ({@code dlq-name}), and the records after it are delivered again. Bindings not in batch mode are left to
 * the binder.
 */
@Component
class DeadLetters implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

	private static final String BINDER = "spring.cloud.stream.kafka.binder";

	private final Environment environment;

	private final List<DefaultKafkaProducerFactory<byte[], byte[]>> producers = new CopyOnWriteArrayList<>();

	DeadLetters(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
		// only called without the binding's properties: nothing to decide on
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
			ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
		if (properties == null || !properties.isBatchMode()) {
			return;
		}
		BackOff retries = backOff == null ? new FixedBackOff(0L, 0L) : backOff;
		container.setCommonErrorHandler(dlqDestinationResolver == null ? new DefaultErrorHandler(retries)
				: new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template(), dlqDestinationResolver),
						retries));
	}

	/** A producer to the binder's brokers, with the binder's common client settings (e.g. security). */
	private KafkaTemplate<byte[], byte[]> template() {
		Binder binder = Binder.get(environment);
		Map<String, Object> settings = new HashMap<>(binder.bind(BINDER + ".configuration",
				Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				binder.bind(BINDER + ".brokers", Bindable.listOf(String.class)).orElse(List.of("localhost")).stream()
						.map(broker -> broker.contains(":") ? broker : broker + ":9092").toList());
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		DefaultKafkaProducerFactory<byte[], byte[]> producer = new DefaultKafkaProducerFactory<>(settings,
				new ByteArraySerializer(), new ByteArraySerializer());
		producers.add(producer);
		return new KafkaTemplate<>(producer);
	}

	@Override
	public void destroy() {
		producers.forEach(DefaultKafkaProducerFactory::destroy);
	}
}
