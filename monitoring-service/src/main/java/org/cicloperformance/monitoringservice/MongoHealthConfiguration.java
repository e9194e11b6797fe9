package org.cicloperformance.monitoringservice;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Replaces Boot's MongoDB health check, which sends {@code hello}: mongo-java-server (the embedded default)
 * does not know that command, while {@code ping} works on it and on a real replica set alike.
 */
@Configuration(proxyBeanMethods = false)
class MongoHealthConfiguration {

	@Bean
	HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
		return () -> {
			var reply = mongo.executeCommand(new Document("ping", 1));
			return Health.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", reply.get("ok")).build();
		};
	}
}
