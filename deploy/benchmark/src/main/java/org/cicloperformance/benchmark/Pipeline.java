package org.cicloperformance.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * Where the results in flight are: in monitoring-service's outbox (its {@code monitoring.outbox.backlog} gauge),
 * on {@code result-events} not yet consumed by reporting-service's group (the binder commits after the score is
 * written), and — the final word — whether every score document shows the result version last acknowledged.
 */
final class Pipeline implements AutoCloseable {

	private final Api api;

	private final MongoClient mongo;

	private final Admin admin;

	Pipeline(Api api, MongoClient mongo, String brokers) {
		this.api = api;
		this.mongo = mongo;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
	}

	/** Events of result-events not yet committed by reporting-service (Long.MAX_VALUE when unknown). */
	long reportingLag() {
		try {
			var committed = admin.listConsumerGroupOffsets("reporting-service").partitionsToOffsetAndMetadata()
				.get(5, TimeUnit.SECONDS);
			var partitions = admin.describeTopics(List.of("result-events")).allTopicNames().get(5, TimeUnit.SECONDS)
				.get("result-events").partitions().stream()
				.map(p -> new TopicPartition("result-events", p.partition())).toList();
			var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
				.all().get(5, TimeUnit.SECONDS);
			long lag = 0;
			for (var partition : partitions) {
				var done = committed.get(partition);
				lag += ends.get(partition).offset() - (done == null ? 0 : done.offset());
			}
			return lag;
		}
		catch (Exception e) {
			return Long.MAX_VALUE;
		}
	}

	/** Result events still in monitoring-service's outbox, as its gauge reports (-1 when unknown). */
	long monitoringBacklog() {
		try {
			for (String line : api.get(api.monitoring + "/actuator/prometheus", null).body().split("\n")) {
				if (line.startsWith("monitoring_outbox_backlog")) {
					return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
		}
		catch (RuntimeException e) {
			// not answering right now
		}
		return -1;
	}

	/**
	 * Indicator-checkpoints whose score document does not show the version last acknowledged (every score document
	 * is read once, with only the result versions projected).
	 */
	long unscored(Workload workload) {
		Map<String, Map<String, Integer>> scored = new HashMap<>();
		scored.putAll(ScoreDocuments.allVersions(mongo.getDatabase("reporting").getCollection("scores")));
		long unscored = 0;
		for (Workload.Slot slot : workload.slots()) {
			int expected = workload.acceptedVersions(slot.id());
			Integer version = scored.getOrDefault(slot.scoreDocumentId(), Map.of()).get(slot.indicatorKey());
			if ((version == null ? 0 : version) != expected) {
				unscored++;
			}
		}
		return unscored;
	}

	@Override
	public void close() {
		admin.close();
	}
}
