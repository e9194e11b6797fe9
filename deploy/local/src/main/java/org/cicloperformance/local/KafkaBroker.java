package org.cicloperformance.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) in a child JVM, with its log in the data
 * folder so that topics and offsets survive a restart. The child JVM keeps Kafka's own logging and Scala runtime
 * off the services' and this launcher's classpath.
 */
final class KafkaBroker implements AutoCloseable {

	/** The business topics, created up front with 3 partitions so that consumers can scale out. */
	static final List<String> TOPICS = List.of("plan-events", "result-events", "checkpoint-events", "hr-feed");

	private static final String CLUSTER_ID = "cicloPerformanceLocal1";

	private final Settings settings;

	private ChildProcess process;

	private Path libraries;

	KafkaBroker(Settings settings) {
		this.settings = settings;
	}

	void start(Path libraries) {
		this.libraries = libraries;
		var folder = settings.data().resolve("kafka");
		var config = writeConfig(folder);
		var classpath = classpath(libraries);
		if (!Files.exists(folder.resolve("log").resolve("meta.properties"))) {
			format(classpath, config, folder);
		}
		process = new ChildProcess("Kafka", List.of(ChildProcess.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
				"-Dlog4j2.configurationFile=" + log4jConfig(folder), "-cp", classpath, "kafka.Kafka", config.toString()),
				settings.data().resolve("logs").resolve("kafka.log"), folder);
		awaitReadyAndCreateTopics();
	}

	private void format(String classpath, Path config, Path folder) {
		try {
			var formatter = new ProcessBuilder(ChildProcess.javaExecutable(), "-cp", classpath, "kafka.tools.StorageTool",
					"format", "--cluster-id", CLUSTER_ID, "--config", config.toString(), "--ignore-formatted")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("format.log").toFile()))
				.start();
			if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
				throw new StackException("Formattazione dello storage di Kafka non riuscita: vedere "
						+ folder.resolve("format.log"));
			}
		}
		catch (IOException e) {
			throw new StackException("Impossibile formattare lo storage di Kafka", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrotto", e);
		}
	}

	private void awaitReadyAndCreateTopics() {
		var deadline = Instant.now().plus(settings.startTimeout());
		Exception last = null;
		while (Instant.now().isBefore(deadline)) {
			process.requireAlive();
			try (var admin = admin()) {
				admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
				createTopics(admin);
				return;
			}
			catch (Exception e) {
				last = e;
				Pause.of(Duration.ofMillis(500));
			}
		}
		throw new StackException("Kafka non ha risposto entro " + settings.startTimeout().toSeconds()
				+ " secondi: vedere " + process.log(), last);
	}

	/**
	 * Waits until the services' consumer groups have finished their first rebalance, so that a result posted right
	 * after start-up is scored at once rather than after the group settles.
	 */
	void awaitStableGroups(List<String> groups, Duration timeout) {
		var deadline = Instant.now().plus(timeout);
		try (var admin = admin()) {
			while (Instant.now().isBefore(deadline)) {
				try {
					var descriptions = admin.describeConsumerGroups(groups).all().get(5, TimeUnit.SECONDS);
					if (descriptions.values().stream().allMatch(d -> d.groupState() == GroupState.STABLE)) {
						return;
					}
				}
				catch (ExecutionException | java.util.concurrent.TimeoutException e) {
					// the group is not there yet
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new StackException("Interrotto", e);
				}
				Pause.of(Duration.ofMillis(500));
			}
		}
		throw new StackException("I gruppi di consumer " + groups + " non si sono stabilizzati entro "
				+ timeout.toSeconds() + " s: vedere i log dei servizi in " + settings.data().resolve("logs"));
	}

	/**
	 * Waits until every group has consumed everything on the given topics (twice in a row, since the services'
	 * outbox relays may still be publishing what they just accepted).
	 */
	void awaitCaughtUp(Map<String, List<String>> topicsByGroup, Duration timeout) {
		var deadline = Instant.now().plus(timeout);
		int quietChecks = 0;
		try (var admin = admin()) {
			while (Instant.now().isBefore(deadline)) {
				quietChecks = lag(admin, topicsByGroup) == 0 ? quietChecks + 1 : 0;
				if (quietChecks == 3) {
					return;
				}
				Pause.of(Duration.ofMillis(500));
			}
		}
		throw new StackException("I servizi non hanno elaborato gli eventi entro " + timeout.toSeconds()
				+ " s: vedere i log in " + settings.data().resolve("logs"));
	}

	private static long lag(Admin admin, Map<String, List<String>> topicsByGroup) {
		try {
			long lag = 0;
			for (var entry : topicsByGroup.entrySet()) {
				var committed = admin.listConsumerGroupOffsets(entry.getKey())
					.partitionsToOffsetAndMetadata()
					.get(5, TimeUnit.SECONDS);
				var partitions = admin.describeTopics(entry.getValue())
					.allTopicNames()
					.get(5, TimeUnit.SECONDS)
					.values()
					.stream()
					.flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
					.toList();
				var ends = admin.listOffsets(partitions.stream()
					.collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
					.all()
					.get(5, TimeUnit.SECONDS);
				for (var partition : partitions) {
					var done = committed.get(partition);
					lag += ends.get(partition).offset() - (done == null ? 0 : done.offset());
				}
			}
			return lag;
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException e) {
			return Long.MAX_VALUE;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrotto", e);
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBrokers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
	}

	private static void createTopics(Admin admin) throws InterruptedException, ExecutionException {
		var topics = TOPICS.stream().map(name -> new NewTopic(name, 3, (short) 1)).toList();
		for (var future : admin.createTopics(topics).values().values()) {
			try {
				future.get();
			}
			catch (ExecutionException e) {
				if (!(e.getCause() instanceof TopicExistsException)) {
					throw e;
				}
			}
		}
	}

	private Path writeConfig(Path folder) {
		var properties = new Properties();
		var host = settings.host();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.voters", "1@" + host + ":" + settings.kafkaControllerPort());
		properties.put("listeners", "PLAINTEXT://" + settings.bind() + ":" + settings.kafkaPort() + ",CONTROLLER://" + host + ":"
				+ settings.kafkaControllerPort());
		properties.put("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.kafkaPort());
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("log.dirs", folder.resolve("log").toString());
		properties.put("num.partitions", "3");
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		// The default 128 MiB dedupe buffer would cost that much heap for nothing on a laptop.
		properties.put("log.cleaner.dedupe.buffer.size", "4194304");
		try {
			Files.createDirectories(folder);
			var file = folder.resolve("server.properties");
			try (var out = Files.newBufferedWriter(file)) {
				properties.store(out, "Generated by the local stack: edit the launcher, not this file");
			}
			return file;
		}
		catch (IOException e) {
			throw new StackException("Impossibile scrivere la configurazione di Kafka", e);
		}
	}

	private static Path log4jConfig(Path folder) {
		var file = folder.resolve("log4j2.properties");
		try {
			Files.writeString(file, """
					status = warn
					appender.console.type = Console
					appender.console.name = console
					appender.console.layout.type = PatternLayout
					appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
					rootLogger.level = warn
					rootLogger.appenderRef.console.ref = console
					logger.kafka.name = kafka.server.KafkaRaftServer
					logger.kafka.level = info
					""");
			return file;
		}
		catch (IOException e) {
			throw new StackException("Impossibile scrivere la configurazione dei log di Kafka", e);
		}
	}

	/** Kafka's own libraries, plus the client jars the launcher already has; not the launcher's logging binding. */
	private static String classpath(Path libraries) {
		var launcherLibraries = libraries.getParent().resolve("lib");
		var entries = new ArrayList<String>();
		for (var folder : List.of(libraries, launcherLibraries)) {
			try (Stream<Path> jars = Files.list(folder)) {
				jars.filter(jar -> jar.toString().endsWith(".jar"))
					.filter(jar -> !jar.getFileName().toString().startsWith("slf4j-simple"))
					.forEach(jar -> entries.add(jar.toString()));
			}
			catch (IOException e) {
				throw new StackException("Librerie di Kafka non trovate in " + folder
						+ ": ricostruire con mvn -DskipTests package", e);
			}
		}
		return String.join(java.io.File.pathSeparator, entries);
	}


	/** Stops the broker cleanly (SIGTERM, as an operator's restart does); its data folder stays. */
	void stop() {
		if (process != null) {
			process.close();
		}
	}

	/** Starts the broker again on the same ports and data folder, and waits until it answers. */
	void restart() {
		stop();
		start(libraries);
	}

	/** The process id, or -1 before start. */
	long pid() {
		return process == null ? -1 : process.pid();
	}

	@Override
	public void close() {
		if (process != null) {
			process.close();
		}
	}
}
