package org.cicloperformance.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the local stack lives and which ports it takes. Every value can be changed by a system property
 * ({@code -Dstack.data=...}) or an environment variable ({@code STACK_DATA=...}).
 * <p>
 * {@code host} is where the parts reach each other; {@code bind} is the address they listen on: 127.0.0.1 by
 * default, so that nobody on another machine reaches the demo (its passwords are the user names).
 * {@code -Dstack.bind=0.0.0.0} (or {@code STACK_BIND}) opens the services and MongoDB to the network.
 */
public record Settings(Path home, Path data, String host, int kafkaPort, int kafkaControllerPort, int mongoPort,
		int planPort, int monitoringPort, int reportingPort, boolean loadDemo, String javaOptions,
		java.util.List<String> services, Duration startTimeout, String bind) {

	/** How long a part may take to start (each service, the broker) when none is given: a loaded laptop's pace. */
	public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

	/** Listening on the loopback interface only. */
	public static final String DEFAULT_BIND = "127.0.0.1";

	/** The settings without a start timeout or bind address take the defaults. */
	public Settings(Path home, Path data, String host, int kafkaPort, int kafkaControllerPort, int mongoPort,
			int planPort, int monitoringPort, int reportingPort, boolean loadDemo, String javaOptions,
			java.util.List<String> services) {
		this(home, data, host, kafkaPort, kafkaControllerPort, mongoPort, planPort, monitoringPort, reportingPort,
				loadDemo, javaOptions, services, DEFAULT_START_TIMEOUT, DEFAULT_BIND);
	}

	public Settings withStartTimeout(Duration timeout) {
		return new Settings(home, data, host, kafkaPort, kafkaControllerPort, mongoPort, planPort, monitoringPort,
				reportingPort, loadDemo, javaOptions, services, timeout, bind);
	}

	public static Settings from(Map<String, String> env, Path home) {
		var source = new Source(env);
		return new Settings(home, Path.of(source.get("stack.data", home.resolve(".data").toString())).toAbsolutePath(),
				source.get("stack.host", "127.0.0.1"), source.port("stack.kafka.port", 9092),
				source.port("stack.kafka.controller.port", 9093), source.port("stack.mongo.port", 27017),
				source.port("stack.plan.port", 8081), source.port("stack.monitoring.port", 8082),
				source.port("stack.reporting.port", 8083), Boolean.parseBoolean(source.get("stack.demo", "true")),
				source.get("stack.java.options", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"),
				java.util.List.of(source.get("stack.services", "plan-service,monitoring-service,reporting-service")
					.split("\\s*,\\s*")),
				source.seconds("stack.start.timeout", DEFAULT_START_TIMEOUT),
				source.get("stack.bind", DEFAULT_BIND));
	}

	/**
	 * Whether the launcher also loads the year-end example of the demo (results at 31/12, an example, not from the
	 * document): {@code -Dstack.demo.yearend=true} or {@code STACK_DEMO_YEAREND=true}; off by default.
	 */
	public static boolean yearEndExample(Map<String, String> env) {
		return Boolean.parseBoolean(new Source(env).get("stack.demo.yearend", "false"));
	}

	public String kafkaBrokers() {
		return host + ":" + kafkaPort;
	}

	/**
	 * The embedded MongoDB lives in the launcher's JVM: on a machine under load it may answer late while the three
	 * services start together, so they wait for it up to 2 minutes (the driver's default is 30 s).
	 */
	public String mongoUri(String database) {
		return "mongodb://" + host + ":" + mongoPort + "/" + database + "?serverSelectionTimeoutMS=120000";
	}

	String url(int port) {
		return "http://localhost:" + port;
	}

	private record Source(Map<String, String> env) {

		String get(String property, String fallback) {
			var value = System.getProperty(property);
			if (value == null) {
				value = env.get(property.toUpperCase().replace('.', '_'));
			}
			return value == null || value.isBlank() ? fallback : value;
		}

		Duration seconds(String property, Duration fallback) {
			var value = get(property, String.valueOf(fallback.toSeconds()));
			try {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			catch (NumberFormatException e) {
				throw new StackException("Il tempo " + property + " non e' un numero di secondi: " + value);
			}
		}

		int port(String property, int fallback) {
			var value = get(property, String.valueOf(fallback));
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException e) {
				throw new StackException("La porta " + property + " non e' un numero: " + value);
			}
		}
	}
}
