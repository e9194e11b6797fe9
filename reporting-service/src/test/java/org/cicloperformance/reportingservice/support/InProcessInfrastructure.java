package org.cicloperformance.reportingservice.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real Kafka broker (KRaft) and one MongoDB wire-protocol server per test JVM, started on first use. */
public final class InProcessInfrastructure {

	public static final String[] TOPICS = { "plan-events", "result-events", "plan-events.reporting-service.dlq",
			"result-events.reporting-service.dlq", "checkpoint-events", "checkpoint-events.reporting-service.dlq",
			"hr-feed" };

	private static MongoServer mongo;

	private static EmbeddedKafkaKraftBroker kafka;

	private InProcessInfrastructure() {
	}

	public static synchronized String mongoUri() {
		if (mongo == null) {
			mongo = new MongoServer(new MemoryBackend());
			mongo.bind();
			Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
		}
		InetSocketAddress address = mongo.getLocalAddress();
		return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/reporting";
	}

	public static synchronized String kafkaBrokers() {
		if (kafka == null) {
			kafka = new EmbeddedKafkaKraftBroker(1, 1, TOPICS);
			kafka.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
		}
		return kafka.getBrokersAsString();
	}

	public static void register(DynamicPropertyRegistry registry) {
		register(registry, "reporting");
	}

	/** The same servers, another database: a second context must not share the first one's read model. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		registry.add("spring.mongodb.uri", () -> mongoUri().replace("/reporting", "/" + database));
		registry.add("spring.cloud.stream.kafka.binder.brokers", InProcessInfrastructure::kafkaBrokers);
		// the dashboard's result entry posts to monitoring-service's API: a stand-in of it (MonitoringStub)
		registry.add("reporting.result-entry.monitoring-url", MonitoringStub::url);
	}
}
