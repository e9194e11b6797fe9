package org.cicloperformance.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole system on one machine, with no Docker and nothing to install: a real Kafka broker, a MongoDB
 * wire-protocol server persisting to a data folder, the three services as separate processes, and the 2018 demo.
 * Ctrl-C stops everything in reverse order; the next start reuses the data.
 */
public final class LocalStack implements AutoCloseable {

	private final Settings settings;

	private final List<AutoCloseable> started = new ArrayList<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private KafkaBroker kafka;

	private Service plan;

	private Service monitoring;

	private Service reporting;

	private EmbeddedMail mail;

	public LocalStack(Settings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) {
		var settings = Settings.from(System.getenv(), home());
		var stack = new LocalStack(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
		try {
			stack.start();
			stack.printWelcome();
			Thread.currentThread().join();
		}
		catch (StackException e) {
			System.err.println();
			System.err.println("ERRORE: " + e.getMessage());
			System.exit(1);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	public void start() {
		Preflight.check(settings);
		log("Dati in " + settings.data());
		log("Avvio MongoDB (mongo-java-server, H2) su " + settings.bind() + ":" + settings.mongoPort());
		started.add(new EmbeddedMongo(settings));
		log("Avvio Kafka (KRaft) su " + settings.kafkaBrokers());
		var kafka = new KafkaBroker(settings);
		started.add(kafka);
		kafka.start(settings.home().resolve("deploy/local/target/kafka-libs"));
		this.kafka = kafka;
		mail = new EmbeddedMail(settings);
		started.add(mail);
		log("Avvio del server SMTP locale (GreenMail) sulla porta " + mail.smtpPort()
				+ (mail.viewUrl() == null ? "" : ", posta ricevuta su " + mail.viewUrl()));
		plan = new Service("plan-service", settings.planPort(), settings);
		monitoring = new Service("monitoring-service", settings.monitoringPort(), settings);
		// reminders by e-mail to the local SMTP server; the demo clock may be moved (PUT /api/demo-clock)
		monitoring.arguments(List.of("--spring.mail.host=" + settings.host(), "--spring.mail.port=" + mail.smtpPort(),
				"--monitoring.calendar.demo-clock=true", "--monitoring.reminders.interval=PT10S"));
		// the example schede (deploy/ciclo-31-dicembre.sh) reach FINAL in a minute: the managers' review period is
		// 20 seconds here, not the example policy's 15 days; and a newcomer may point a webhook at a receiver on
		// this machine, which production refuses (docs/security.md, "Webhooks: SSRF and secrets")
		reporting = new Service("reporting-service", settings.reportingPort(), settings);
		// the forecast alerts by e-mail to the same local SMTP server (the demo plan's policy is set below)
		reporting.arguments(List.of("--reporting.evaluation.review-period=PT20S",
				"--reporting.webhooks.allow-private-addresses=true", "--spring.mail.host=" + settings.host(),
				"--spring.mail.port=" + mail.smtpPort(), "--reporting.alert-mail.interval=PT10S",
				"--reporting.alert-mail.dashboard-url=" + reporting.url(),
				"--reporting.alert-mail.plan-service-url=" + plan.url()));
		startServices();
		if (settings.loadDemo() && settings.services().containsAll(List.of("plan-service", "monitoring-service"))) {
			var demo = new DemoLoader(plan.url(), monitoring.url(), settings.data());
			if (demo.alreadyLoaded()) {
				log("Dati demo gia' caricati: nessun nuovo caricamento");
				demo.ensureCalendar();
			}
			else {
				log("Caricamento del piano 2018, dei risultati al 30/6 e della revisione di meta' anno");
				demo.load();
				if (settings.services().contains("reporting-service")) {
					kafka.awaitCaughtUp(Map.of("monitoring-service", List.of("plan-events"), "reporting-service",
							List.of("plan-events", "result-events")), Duration.ofSeconds(90));
				}
			}
			if (settings.services().contains("reporting-service")) {
				demo.ensureAlertMail(reporting.url());
			}
			if (Settings.yearEndExample(System.getenv()) && !demo.yearEndAlreadyLoaded()) {
				log("Caricamento dei risultati di esempio al 31/12 (esempio, non dal documento)");
				demo.loadYearEnd();
			}
		}
	}

	private void startServices() {
		var all = List.of(plan, monitoring, reporting);
		var databases = List.of("plans", "monitoring", "reporting");
		var services = new ArrayList<Service>();
		var users = LocalUsers.writeTo(settings.data());
		for (int i = 0; i < all.size(); i++) {
			if (!settings.services().contains(all.get(i).name())) {
				continue;
			}
			log("Avvio " + all.get(i).name());
			started.add(all.get(i));
			all.get(i).start(databases.get(i), users);
			services.add(all.get(i));
		}
		try {
			CompletableFuture.allOf(services.stream()
				.map(s -> CompletableFuture.runAsync(() -> s.awaitHealthy(settings.startTimeout())))
				.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof StackException stack ? stack : e;
		}
		var groups = services.stream().map(Service::name).filter(n -> !n.equals("plan-service")).toList();
		if (!groups.isEmpty()) {
			kafka.awaitStableGroups(groups, Duration.ofSeconds(90));
		}
	}

	public String planUrl() {
		return plan.url();
	}

	public String monitoringUrl() {
		return monitoring.url();
	}

	public String reportingUrl() {
		return reporting.url();
	}

	public Settings settings() {
		return settings;
	}

	/** Kills a service with SIGKILL (a crash: nothing flushed, no clean shutdown), for fault tests. */
	public void killService(String name) {
		service(name).kill();
	}

	/**
	 * Starts a service again on its port and database, after a kill, and waits until it is healthy and, for a
	 * consumer, until its group is stable again.
	 */
	public void restartService(String name) {
		var service = service(name);
		service.restart();
		if (!name.equals("plan-service")) {
			kafka.awaitStableGroups(List.of(name), settings.startTimeout());
		}
	}

	/** Stops the Kafka broker cleanly; the services stay up and retry. */
	public void stopBroker() {
		kafka.stop();
	}

	/** Starts the Kafka broker again on the same ports and data folder. */
	public void startBroker() {
		kafka.restart();
	}

	/** Waits until the consumers have processed every event on their topics. */
	public void awaitConsumersCaughtUp(Duration timeout) {
		kafka.awaitCaughtUp(Map.of("monitoring-service", List.of("plan-events"), "reporting-service",
				List.of("plan-events", "result-events", "checkpoint-events")), timeout);
	}

	private Service service(String name) {
		return java.util.stream.Stream.of(plan, monitoring, reporting)
			.filter(s -> s != null && s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new StackException("Servizio sconosciuto o non avviato: " + name));
	}

	/**
	 * The operating-system process of each running part, for measuring what it costs (CPU, memory): the launcher
	 * itself (this JVM, which hosts MongoDB), the Kafka broker and each started service.
	 */
	public Map<String, Long> processIds() {
		var ids = new java.util.LinkedHashMap<String, Long>();
		ids.put("launcher", ProcessHandle.current().pid());
		if (kafka != null && kafka.pid() > 0) {
			ids.put("kafka", kafka.pid());
		}
		for (var service : java.util.Arrays.asList(plan, monitoring, reporting)) {
			if (service != null && service.pid() > 0) {
				ids.put(service.name(), service.pid());
			}
		}
		return ids;
	}

	private void printWelcome() {
		System.out.printf("""

				Ciclo della performance: sistema avviato (Ctrl-C per fermarlo).

				  Cruscotto           %3$s/dashboard   (utente direzione, password direzione; altri utenti demo in docs/security.md)
				  plan-service        %1$s/api/plans          API docs: %1$s/swagger-ui.html
				  monitoring-service  %2$s/api/results        API docs: %2$s/swagger-ui.html
				  reporting-service   %3$s/api                API docs: %3$s/swagger-ui.html
				  Prometheus          %1$s/actuator/prometheus  %2$s/actuator/prometheus  %3$s/actuator/prometheus
				  Posta (SMTP locale) %7$s
				  Kafka               %4$s
				  MongoDB             %5$s
				  Dati e log          %6$s

				""", plan.url(), monitoring.url(), reporting.url(), settings.kafkaBrokers(), settings.mongoUri(""),
				settings.data(), mail.viewUrl() == null ? "porta " + mail.smtpPort() : mail.viewUrl()
						+ "   (orologio dimostrativo: PUT " + monitoring.url() + "/api/demo-clock)");
	}

	@Override
	public void close() {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		log("Arresto in corso");
		for (int i = started.size() - 1; i >= 0; i--) {
			try {
				started.get(i).close();
			}
			catch (Exception e) {
				System.err.println("Arresto incompleto di un componente: " + e.getMessage());
			}
		}
		log("Arrestato");
	}

	private static void log(String message) {
		System.out.println("[local-stack] " + message);
	}

	/** The repository root: given, or found above this jar (deploy/local/target/local-stack.jar). */
	public static Path home() {
		var given = System.getProperty("stack.home", System.getenv("STACK_HOME"));
		if (given != null) {
			return Path.of(given).toAbsolutePath();
		}
		try {
			var location = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			for (var dir = location; dir != null; dir = dir.getParent()) {
				if (Files.isDirectory(dir.resolve("plan-service")) && Files.exists(dir.resolve("pom.xml"))) {
					return dir;
				}
			}
		}
		catch (URISyntaxException e) {
			// fall through to the working directory
		}
		return Path.of("").toAbsolutePath();
	}
}
