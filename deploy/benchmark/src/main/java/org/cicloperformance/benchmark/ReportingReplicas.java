package org.cicloperformance.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cicloperformance.local.Settings;

/**
 * More reporting-service processes in the stack's consumer group ({@code bench.reporting.replicas}, 1 = none
 * more): the topics have 3 partitions, so up to 3 replicas share the plans, one writer each. On a 2-core machine
 * this checks correctness (the final scores equal a rebuild after the partitions were shared and handed over), not
 * speed.
 */
final class ReportingReplicas implements AutoCloseable {

	private final List<Process> processes = new ArrayList<>();

	ReportingReplicas(Settings settings, int extra, java.util.function.IntSupplier freePort) {
		for (int i = 0; i < extra; i++) {
			int port = freePort.getAsInt();
			var command = new ArrayList<String>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(Arrays.asList(settings.javaOptions().trim().split("\\s+")));
			command.addAll(List.of("-jar", jar(settings.home()).toString(), "--server.port=" + port,
					"--spring.mongodb.uri=" + settings.mongoUri("reporting"),
					"--spring.cloud.stream.kafka.binder.brokers=" + settings.kafkaBrokers()));
			try {
				Path log = settings.data().resolve("logs").resolve("reporting-service-" + (i + 2) + ".log");
				Files.createDirectories(log.getParent());
				processes.add(new ProcessBuilder(command).redirectErrorStream(true)
						.redirectOutput(log.toFile()).start());
			}
			catch (IOException e) {
				throw new IllegalStateException("cannot start reporting-service replica", e);
			}
			awaitHealthy("http://" + settings.host() + ":" + port);
		}
	}

	Map<String, Long> processIds() {
		var out = new LinkedHashMap<String, Long>();
		for (int i = 0; i < processes.size(); i++) {
			out.put("reporting-service-" + (i + 2), processes.get(i).pid());
		}
		return out;
	}

	private static Path jar(Path home) {
		var target = home.resolve("reporting-service").resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter(f -> f.getFileName().toString().matches("reporting-service-[0-9].*\\.jar")).findFirst()
					.orElseThrow(() -> new IllegalStateException("no reporting-service jar in " + target));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private void awaitHealthy(String url) {
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				var response = client.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new IllegalStateException("reporting-service replica at " + url + " not healthy in 5 minutes");
	}

	@Override
	public void close() {
		processes.forEach(Process::destroy);
		for (Process process : processes) {
			try {
				if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
