package org.cicloperformance.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fails fast, before anything starts, when a port is taken or the data folder cannot be written. */
final class Preflight {

	private Preflight() {
	}

	static void check(Settings settings) {
		var ports = new LinkedHashMap<String, Integer>();
		ports.put("Kafka", settings.kafkaPort());
		ports.put("Kafka (controller)", settings.kafkaControllerPort());
		ports.put("MongoDB", settings.mongoPort());
		ports.put("plan-service", settings.planPort());
		ports.put("monitoring-service", settings.monitoringPort());
		ports.put("reporting-service", settings.reportingPort());
		checkPorts(ports);
		checkWritable(settings);
	}

	private static void checkPorts(Map<String, Integer> ports) {
		for (var entry : ports.entrySet()) {
			try (var socket = new ServerSocket(entry.getValue(), 1, InetAddress.getLoopbackAddress())) {
				socket.setReuseAddress(true);
			}
			catch (IOException e) {
				throw new StackException("La porta " + entry.getValue() + " (" + entry.getKey()
						+ ") e' gia' in uso. Chiudere il programma che la occupa, oppure scegliere un'altra porta, ad es. -D"
						+ propertyFor(entry.getKey()) + "=<porta>.");
			}
		}
	}

	private static String propertyFor(String name) {
		return switch (name) {
			case "Kafka" -> "stack.kafka.port";
			case "Kafka (controller)" -> "stack.kafka.controller.port";
			case "MongoDB" -> "stack.mongo.port";
			case "plan-service" -> "stack.plan.port";
			case "monitoring-service" -> "stack.monitoring.port";
			default -> "stack.reporting.port";
		};
	}

	private static void checkWritable(Settings settings) {
		try {
			Files.createDirectories(settings.data());
			var probe = Files.createTempFile(settings.data(), ".write-check", "");
			Files.delete(probe);
		}
		catch (IOException | SecurityException e) {
			throw new StackException("La cartella dei dati " + settings.data()
					+ " non e' scrivibile. Indicarne un'altra con -Dstack.data=<cartella>.", e);
		}
	}
}
