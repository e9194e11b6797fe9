package org.cicloperformance.planservice.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker (KRaft) and one MongoDB wire-protocol server per test JVM, started on first use: the
 * integration tests run against the same parts as the embedded default, without Docker.
 */
public final class InProcessInfrastructure {

	private static MongoServer mongo;

	private static EmbeddedKafkaKraftBroker kafka;

	private InProcessInfrastructure() {
	}

	public static synchronized String mongoUri(String database) {
		if (mongo == null) {
			mongo = new MongoServer(new MemoryBackend());
			InetSocketAddress address = mongo.bind();
			Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
		}
		var address = mongo.getLocalAddress();
		return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
	}

	public static synchronized String kafkaBrokers() {
		if (kafka == null) {
			kafka = new EmbeddedKafkaKraftBroker(1, 1, "plan-events");
			kafka.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
		}
		return kafka.getBrokersAsString();
	}

	public static void register(DynamicPropertyRegistry registry, String database) {
		registry.add("spring.mongodb.uri", () -> mongoUri(database));
		registry.add("spring.cloud.stream.kafka.binder.brokers", InProcessInfrastructure::kafkaBrokers);
	}
}
