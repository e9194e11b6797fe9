package org.cicloperformance.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** One of the three services, started from its packaged jar as a separate process. */
final class Service implements AutoCloseable {

	private final String name;

	private final int port;

	private final Settings settings;

	private ChildProcess process;

	private String database;

	private Path usersFile;

	/** Arguments of this service only (e.g. monitoring-service's SMTP relay). */
	private List<String> arguments = List.of();

	Service(String name, int port, Settings settings) {
		this.name = name;
		this.port = port;
		this.settings = settings;
	}

	String name() {
		return name;
	}

	/** Extra command-line arguments, given at every start. */
	void arguments(List<String> extra) {
		this.arguments = List.copyOf(extra);
	}

	String url() {
		return settings.url(port);
	}

	void start(String database, Path usersFile) {
		this.database = database;
		this.usersFile = usersFile;
		var command = new ArrayList<String>();
		command.add(ChildProcess.javaExecutable());
		command.addAll(Arrays.asList(settings.javaOptions().trim().split("\\s+")));
		command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port, "--server.address=" + settings.bind(),
				"--spring.mongodb.uri=" + settings.mongoUri(database),
				"--spring.cloud.stream.kafka.binder.brokers=" + settings.kafkaBrokers(),
				"--spring.config.import=optional:file:" + usersFile));
		command.addAll(arguments);
		process = new ChildProcess(name, command, settings.data().resolve("logs").resolve(name + ".log"),
				settings.data());
	}

	void awaitHealthy(Duration timeout) {
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		var request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(5))
			.build();
		var deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			process.requireAlive();
			try {
				var response = client.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (java.io.IOException e) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new StackException("Interrotto", e);
			}
			Pause.of(Duration.ofMillis(500));
		}
		throw new StackException(name + " non e' pronto dopo " + timeout.toSeconds() + " s: vedere " + process.log());
	}

	private Path jar() {
		var target = settings.home().resolve(name).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter(f -> f.getFileName().toString().matches(name + "-[0-9].*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new StackException("Manca il jar di " + name + " in " + target
						+ ": costruire prima con mvn -DskipTests package"));
		}
		catch (java.io.IOException e) {
			throw new StackException("Manca " + target + ": costruire prima con mvn -DskipTests package", e);
		}
	}


	/** The process id, or -1 before start. */
	long pid() {
		return process == null ? -1 : process.pid();
	}

	/** SIGKILL, as a crash would: nothing is flushed or closed cleanly. */
	void kill() {
		process.kill();
	}

	/** Starts the service again, after a kill or a stop, with the same database, users and port. */
	void restart() {
		if (process != null) {
			process.close();
		}
		start(database, usersFile);
		awaitHealthy(settings.startTimeout());
	}

	@Override
	public void close() {
		if (process != null) {
			process.close();
		}
	}
}
