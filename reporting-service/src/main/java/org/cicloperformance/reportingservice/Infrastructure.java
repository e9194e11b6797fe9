package org.cicloperformance.reportingservice;

import java.time.Clock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class Infrastructure {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Indexes are created once, on one thread, before the consumers start (mongo-java-server crashes on concurrent
	 * index creation).
	 */
	@Bean
	InitializingBean mongoIndexes(MongoTemplate mongo) {
		return () -> {
			mongo.indexOps("plan_versions").createIndex(new Index().on("planId", Sort.Direction.ASC));
			mongo.indexOps("results").createIndex(
					new Index().on("planId", Sort.Direction.ASC).on("checkpoint", Sort.Direction.ASC));
			mongo.indexOps("result_history").createIndex(new Index().on("planId", Sort.Direction.ASC)
					.on("objective", Sort.Direction.ASC).on("indicator", Sort.Direction.ASC));
			mongo.indexOps("scores").createIndex(new Index().on("planId", Sort.Direction.ASC));
			// compare-and-set filters: mongo-java-server serves a filter from a unique index with exactly its keys
			mongo.indexOps("results").createIndex(
					new Index().on("_id", Sort.Direction.ASC).on("resultVersion", Sort.Direction.ASC).unique());
			mongo.indexOps("scores").createIndex(
					new Index().on("_id", Sort.Direction.ASC).on("revision", Sort.Direction.ASC).unique());
			mongo.indexOps("audit").createIndex(
					new Index().on("entity", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
		};
	}
}
