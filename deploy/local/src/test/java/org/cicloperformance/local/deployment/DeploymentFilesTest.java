package org.cicloperformance.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * No container engine runs here, so nothing starts deploy/compose.yaml or the Kubernetes manifests: this test keeps
 * them from drifting away from the services. It reads each service's {@code src/main/resources/application.yml} at test
 * time (the services change it) and checks ports, probe paths, environment variables, topics, consumer groups and the
 * metrics of the Grafana dashboard against it. Kubernetes is checked as {@code kubectl apply -k} would render the
 * production overlay (resources, strategic-merge patches, replicas).
 */
class DeploymentFilesTest {

	/** Surefire runs in the module folder, deploy/local. */
	private static final Path REPOSITORY = Path.of("../..");

	private static final String COMPOSE = "deploy/compose.yaml";
	private static final String PRODUCTION = "deploy/k8s/overlays/production";
	private static final String SECRETS_EXAMPLE = "deploy/k8s/secrets.example.yaml";
	private static final String PROMETHEUS = "deploy/prometheus/prometheus.yml";
	private static final String DASHBOARD = "deploy/grafana/dashboards/ciclo-performance.json";
	private static final String DATASOURCES = "deploy/grafana/provisioning/datasources";
	private static final String DEPLOY_README = "deploy/README.md";
	private static final String ROOT_README = "README.md";

	private static final List<String> SERVICES = List.of("plan-service", "monitoring-service", "reporting-service");
	private static final String TOPICS_INIT = "kafka-init";
	private static final String REPLICA_SET_INIT = "mongo-init";
	private static final String TOPICS_CONFIG_MAP = "kafka-topics";

	/** Boot's port when server.port is not set. */
	private static final String BOOT_DEFAULT_PORT = "8080";

	/**
	 * Boot 4 registers the liveness and readiness health groups unless this property is false (its
	 * AvailabilityProbesAutoConfiguration matches if the property is missing, on any platform).
	 */
	private static final String BOOT_PROBES_DEFAULT = "true";

	/** The services' own metrics listed by issue 5; the root README's "Metrics" table adds to them at test time. */
	private static final Set<String> SERVICE_METRICS = Set.of("plan.outbox.backlog", "plan.events.published",
			"monitoring.results.accepted", "monitoring.results.refused", "monitoring.outbox.backlog",
			"reporting.events.consumed", "reporting.scoring.latency");

	/** Micrometer's metrics that Boot registers in every web service. */
	private static final Set<String> BOOT_METRICS = Set.of("http.server.requests", "jvm.memory.used",
			"jvm.memory.max", "jvm.memory.committed");

	/** How Micrometer's Prometheus registry suffixes a metric name (counters, timers, base units). */
	private static final List<String> PROMETHEUS_SUFFIXES = List.of("", "_total", "_seconds", "_seconds_count",
			"_seconds_sum", "_seconds_max", "_seconds_bucket", "_bytes", "_count", "_sum", "_max", "_bucket");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
	private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
	private static final Pattern LOCAL_URL = Pattern.compile("https?://localhost:(\\d+)(/\\S*)");

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void composePublishesEachServiceOnItsConfiguredPort() {
		var compose = Compose.read();
		softly(softly -> {
			for (var service : services()) {
				var definition = compose.service(service.name());
				var env = compose.environment(service.name());
				var port = service.port(env);
				var ports = definition.path("ports");
				softly.assertThat(ports.size()).as("%s services.%s.ports: publishes no port", COMPOSE, service.name())
						.isPositive();
				for (int i = 0; i < ports.size(); i++) {
					softly.assertThat(containerPort(ports.get(i)))
							.as("%s services.%s.ports[%d] (container side) against %s", COMPOSE, service.name(), i,
									service.describePort(env))
							.isEqualTo(port);
				}
				var healthcheck = text(definition.path("healthcheck").path("test"));
				var url = LOCAL_URL.matcher(healthcheck);
				if (!url.find()) {
					softly.fail("%s services.%s.healthcheck.test calls no http://localhost:<port>/... URL: %s", COMPOSE,
							service.name(), healthcheck);
					continue;
				}
				softly.assertThat(url.group(1))
						.as("%s services.%s.healthcheck.test port against %s", COMPOSE, service.name(),
								service.describeActuatorPort(env))
						.isEqualTo(service.actuatorPort(env));
				softly.assertThat(url.group(2))
						.as("%s services.%s.healthcheck.test path", COMPOSE, service.name())
						.isEqualTo(service.actuatorPath("/health/readiness"));
			}
		});
	}

	@Test
	void kubernetesContainersServicesAndProbesUseEachServicesConfiguredPort() {
		var k8s = Kubernetes.render(PRODUCTION);
		softly(softly -> {
			for (var service : services()) {
				var deployment = k8s.deployment(service.name());
				var container = k8s.container(deployment, service.name());
				var location = k8s.location(deployment) + " container " + service.name();
				var env = k8s.environment(deployment, service.name()).values();
				var port = service.port(env);
				var actuatorPort = service.actuatorPort(env);
				var containerPorts = container.path("ports");
				softly.assertThat(containerPorts.size()).as("%s: declares no containerPort", location).isPositive();
				for (var declared : containerPorts) {
					softly.assertThat(declared.path("containerPort").asText())
							.as("%s ports[name=%s].containerPort against %s", location, declared.path("name").asText(),
									service.describePort(env))
							.isIn(port, actuatorPort);
				}
				for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
					var httpGet = container.path(probe).path("httpGet");
					if (probe.equals("startupProbe") && httpGet.isMissingNode()) {
						continue;
					}
					softly.assertThat(k8s.portNumber(container, httpGet.path("port")))
							.as("%s %s.httpGet.port against %s", location, probe, service.describeActuatorPort(env))
							.isEqualTo(actuatorPort);
					softly.assertThat(httpGet.path("path").asText())
							.as("%s %s.httpGet.path", location, probe)
							.isEqualTo(service.actuatorPath(probe.equals("readinessProbe") ? "/health/readiness"
									: "/health/liveness"));
				}
				var annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
				softly.assertThat(annotations.path("prometheus.io/scrape").asText())
						.as("%s template annotation prometheus.io/scrape", k8s.location(deployment)).isEqualTo("true");
				softly.assertThat(annotations.path("prometheus.io/port").asText())
						.as("%s template annotation prometheus.io/port", k8s.location(deployment))
						.isEqualTo(actuatorPort);
				softly.assertThat(annotations.path("prometheus.io/path").asText())
						.as("%s template annotation prometheus.io/path", k8s.location(deployment))
						.isEqualTo(service.actuatorPath("/prometheus"));

				var kubeService = k8s.find("Service", service.name());
				if (kubeService.isEmpty()) {
					softly.fail("%s renders no Service named %s", PRODUCTION, service.name());
					continue;
				}
				for (var servicePort : kubeService.get().path("spec").path("ports")) {
					softly.assertThat(k8s.portNumber(container, servicePort.path("targetPort")))
							.as("%s ports[name=%s].targetPort against %s", k8s.location(kubeService.get()),
									servicePort.path("name").asText(), service.describePort(env))
							.isEqualTo(port);
				}
			}
		});
	}

	@Test
	void prometheusScrapesEachServiceOnItsConfiguredPortAndActuatorPath() {
		var prometheus = readYaml(PROMETHEUS).get(0);
		var compose = Compose.read();
		softly(softly -> {
			for (var service : services()) {
				var job = stream(prometheus.path("scrape_configs"))
						.filter(config -> config.path("job_name").asText().equals(service.name())).findFirst();
				if (job.isEmpty()) {
					softly.fail("%s scrape_configs: no job_name %s", PROMETHEUS, service.name());
					continue;
				}
				var env = compose.environment(service.name());
				var port = service.actuatorPort(env);
				softly.assertThat(job.get().path("metrics_path").asText())
						.as("%s scrape_configs[job_name=%s].metrics_path", PROMETHEUS, service.name())
						.isEqualTo(service.actuatorPath("/prometheus"));
				var targets = job.get().path("static_configs").findValues("targets").stream()
						.flatMap(DeploymentFilesTest::stream).map(JsonNode::asText).toList();
				softly.assertThat(targets)
						.as("%s scrape_configs[job_name=%s].static_configs targets against %s", PROMETHEUS,
								service.name(), service.describeActuatorPort(env))
						.containsExactly(service.name() + ":" + port);
				softly.assertThat(service.exposedEndpoints())
						.as("%s management.endpoints.web.exposure.include (scraped by %s)", service.file(), PROMETHEUS)
						.containsAnyOf("prometheus", "*");
			}
		});
	}

	@Test
	void probePathsExistBecauseNoServiceDisablesHealthProbes() {
		var compose = Compose.read();
		var k8s = Kubernetes.render(PRODUCTION);
		softly(softly -> {
			for (var service : services()) {
				var environments = Map.of(COMPOSE, compose.environment(service.name()), PRODUCTION,
						k8s.environment(k8s.deployment(service.name()), service.name()).values());
				environments.forEach((where, env) -> softly
						.assertThat(Optional.ofNullable(service.value("management.endpoint.health.probes.enabled", env))
								.orElse(BOOT_PROBES_DEFAULT))
						.as("%s management.endpoint.health.probes.enabled as deployed by %s: the healthchecks and "
								+ "probes call %s and %s, which exist only while it is true (Boot 4's default)",
								service.file(), where, service.actuatorPath("/health/readiness"),
								service.actuatorPath("/health/liveness"))
						.isEqualTo("true"));
				softly.assertThat(service.exposedEndpoints())
						.as("%s management.endpoints.web.exposure.include (the probes call the health endpoint)",
								service.file())
						.containsAnyOf("health", "*");
			}
		});
	}

	@Test
	void manifestsSetOnlyEnvironmentVariablesTheServicesRead() {
		var compose = Compose.read();
		var k8s = Kubernetes.render(PRODUCTION);
		softly(softly -> {
			for (var service : services()) {
				var read = service.environmentVariablesRead();
				var set = new ArrayList<>(compose.environmentVariables(service.name()));
				set.addAll(k8s.environment(k8s.deployment(service.name()), service.name()).variables());
				for (var variable : set) {
					softly.assertThat(read)
							.as("%s sets %s, which %s neither reads as ${%s:...} nor binds as a property it declares",
									variable.origin(), variable.name(), service.file(), variable.name())
							.contains(variable.name());
				}
			}
		});
	}

	@Test
	void servicesWriteToTheReplicaSetWithMajorityAcknowledgementAndUseTheManifestsKafka() {
		var compose = Compose.read();
		var k8s = Kubernetes.render(PRODUCTION);
		softly(softly -> {
			for (var service : services()) {
				softly.assertThat(service.raw("spring.mongodb.uri"))
						.as("%s spring.mongodb.uri (Boot 4's name; spring.data.mongodb.uri is no longer read)",
								service.file())
						.isPresent();
				var sources = Map.of(COMPOSE + " services." + service.name(), compose.environment(service.name()),
						PRODUCTION + " Deployment " + service.name(),
						k8s.environment(k8s.deployment(service.name()), service.name()).values());
				sources.forEach((where, env) -> {
					var uri = service.value("spring.mongodb.uri", env);
					softly.assertThat(uri)
							.as("%s: MongoDB URI (%s spring.mongodb.uri) must name replica set rs0 and w=majority",
									where, service.file())
							.isNotNull().contains("replicaSet=rs0").contains("w=majority").doesNotContain("localhost");
					softly.assertThat(service.value("spring.cloud.stream.kafka.binder.brokers", env))
							.as("%s: Kafka brokers (%s spring.cloud.stream.kafka.binder.brokers)", where,
									service.file())
							.isNotNull().doesNotContain("localhost");
				});
			}
		});
	}

	@Test
	void topicInitsCreateExactlyTheTopicsOfTheServicesBindings() {
		var compose = Compose.read();
		var k8s = Kubernetes.render(PRODUCTION);
		var expected = new TreeSet<String>();
		var composeEnvironments = new LinkedHashMap<String, Map<String, String>>();
		for (var service : services()) {
			var env = compose.environment(service.name());
			composeEnvironments.put(service.name(), env);
			expected.addAll(service.topics(env));
		}
		var initEnv = compose.environment(TOPICS_INIT);
		var topicsConfig = k8s.configMapData(TOPICS_CONFIG_MAP);
		softly(softly -> {
			softly.assertThat(words(initEnv.get("TOPICS")))
					.as("%s services.%s.environment.TOPICS against the destinations and dead-letter topics of the "
							+ "services' bindings (spring.cloud.stream.bindings.*.destination, "
							+ "spring.cloud.stream.kafka.bindings.*.consumer.dlq-name)", COMPOSE, TOPICS_INIT)
					.containsExactlyInAnyOrderElementsOf(expected);
			softly.assertThat(words(topicsConfig.get("TOPICS")))
					.as("%s ConfigMap %s data.TOPICS against the destinations and dead-letter topics of the "
							+ "services' bindings", PRODUCTION, TOPICS_CONFIG_MAP)
					.containsExactlyInAnyOrderElementsOf(expected);
			softly.assertThat(initEnv.get("PARTITIONS")).as("%s services.%s.environment.PARTITIONS", COMPOSE,
					TOPICS_INIT).isEqualTo("3");
			softly.assertThat(topicsConfig.get("PARTITIONS")).as("%s ConfigMap %s data.PARTITIONS", PRODUCTION,
					TOPICS_CONFIG_MAP).isEqualTo("3");
		});
	}

	@Test
	void eachConsumerBindingJoinsTheGroupNamedAfterItsService() {
		var compose = Compose.read();
		var k8s = Kubernetes.render(PRODUCTION);
		softly(softly -> {
			for (var service : services()) {
				softly.assertThat(service.value("spring.application.name", Map.of()))
						.as("%s spring.application.name", service.file()).isEqualTo(service.name());
				var environments = Map.of(COMPOSE, compose.environment(service.name()), PRODUCTION,
						k8s.environment(k8s.deployment(service.name()), service.name()).values());
				for (var binding : service.consumerBindings()) {
					environments.forEach((where, env) -> softly
							.assertThat(service.value("spring.cloud.stream.bindings." + binding + ".group", env))
							.as("%s spring.cloud.stream.bindings.%s.group as deployed by %s (a consumer without a "
									+ "group gets an anonymous one and re-reads nothing after a restart; a second group "
									+ "of the service, reading the same topics apart, is named <service>-<purpose>)",
									service.file(), binding, where)
							.matches(service.name() + "(-[a-z]+)?"));
				}
			}
		});
	}

	@Test
	void productionRunsNoMoreConsumerReplicasThanTheTopicsHavePartitions() {
		var k8s = Kubernetes.render(PRODUCTION);
		var partitions = Integer.parseInt(k8s.configMapData(TOPICS_CONFIG_MAP).getOrDefault("PARTITIONS", "1"));
		softly(softly -> {
			for (var service : services()) {
				if (service.consumerBindings().isEmpty()) {
					continue;
				}
				var deployment = k8s.deployment(service.name());
				var replicas = deployment.path("spec").path("replicas").asInt(1);
				softly.assertThat(replicas)
						.as("%s replicas of %s (consumer group %s): each partition goes to one member of a group, "
								+ "so more replicas than the %d partitions of ConfigMap %s stay idle",
								PRODUCTION, service.name(), service.name(), partitions, TOPICS_CONFIG_MAP)
						.isBetween(1, partitions);
			}
		});
	}

	@Test
	void composeStartsTheServicesOnlyAfterTheTopicsAndTheReplicaSetAreInitialised() {
		var compose = Compose.read();
		softly(softly -> {
			for (var service : services()) {
				var dependsOn = compose.service(service.name()).path("depends_on");
				for (var init : List.of(TOPICS_INIT, REPLICA_SET_INIT)) {
					softly.assertThat(dependsOn.path(init).path("condition").asText())
							.as("%s services.%s.depends_on.%s.condition", COMPOSE, service.name(), init)
							.isEqualTo("service_completed_successfully");
				}
			}
		});
	}

	@Test
	void grafanaPanelsQueryOnlyDocumentedMetricsThroughTheProvisionedDatasource() {
		var dashboard = readJson(DASHBOARD);
		var documented = documentedMetrics();
		var datasources = datasourceUids();
		var histograms = services().stream().flatMap(service -> service.histogramMetrics().stream())
				.collect(Collectors.toSet());
		var panels = panels(dashboard);
		assertThat(panels).as("%s panels with targets", DASHBOARD).isNotEmpty();
		softly(softly -> {
			for (var panel : panels) {
				var title = panel.path("title").asText();
				softly.assertThat(datasources)
						.as("%s panel '%s' datasource.uid (provisioned in %s)", DASHBOARD, title, DATASOURCES)
						.contains(panel.path("datasource").path("uid").asText());
				for (var target : panel.path("targets")) {
					var expr = target.path("expr").asText();
					var metrics = metricNames(expr);
					softly.assertThat(metrics).as("%s panel '%s' target %s queries no metric: %s", DASHBOARD, title,
							target.path("refId").asText(), expr).isNotEmpty();
					for (var metric : metrics) {
						var name = documentedName(metric, documented);
						softly.assertThat(name)
								.as("%s panel '%s' target %s: %s is none of the documented metrics %s", DASHBOARD,
										title, target.path("refId").asText(), metric, documented)
								.isPresent();
						if (metric.endsWith("_bucket") && name.isPresent()) {
							softly.assertThat(histograms)
									.as("%s panel '%s': %s needs management.metrics.distribution."
											+ "percentiles-histogram.%s: true in a service's application.yml",
											DASHBOARD, title, metric, name.get())
									.contains(name.get());
						}
					}
				}
			}
		});
	}

	@Test
	void dashboardMetricsOfTheServicesAreRegisteredInTheirCode() {
		var documented = documentedMetrics();
		var used = panels(readJson(DASHBOARD)).stream().flatMap(panel -> stream(panel.path("targets")))
				.flatMap(target -> metricNames(target.path("expr").asText()).stream())
				.flatMap(metric -> documentedName(metric, documented).stream())
				.filter(name -> !BOOT_METRICS.contains(name)).collect(Collectors.toCollection(TreeSet::new));
		softly(softly -> {
			for (var name : used) {
				var owner = name.substring(0, name.indexOf('.')) + "-service";
				var sources = REPOSITORY.resolve(owner).resolve("src/main/java");
				if (!Files.isDirectory(sources)) {
					softly.fail("%s shows %s, but %s does not exist", DASHBOARD, name, sources.normalize());
					continue;
				}
				softly.assertThat(javaSourcesMention(sources, "\"" + name + "\""))
						.as("%s shows %s: no Java source of %s/src/main/java registers it", DASHBOARD, name, owner)
						.isTrue();
			}
		});
	}

	@Test
	void deployReadmeDocumentsEveryTopicConsumerGroupAndEnvironmentVariable() {
		var readme = readText(DEPLOY_README);
		var compose = Compose.read();
		var k8s = Kubernetes.render(PRODUCTION);
		softly(softly -> {
			for (var topic : words(compose.environment(TOPICS_INIT).get("TOPICS"))) {
				softly.assertThat(readme).as("%s names topic %s", DEPLOY_README, topic).contains(topic);
			}
			for (var service : services()) {
				if (!service.consumerBindings().isEmpty()) {
					softly.assertThat(readme).as("%s names consumer group %s", DEPLOY_README, service.name())
							.contains("`" + service.name() + "`");
				}
				var variables = new LinkedHashSet<String>();
				compose.environmentVariables(service.name()).forEach(variable -> variables.add(variable.name()));
				k8s.environment(k8s.deployment(service.name()), service.name()).variables()
						.forEach(variable -> variables.add(variable.name()));
				for (var variable : variables) {
					softly.assertThat(readme).as("%s documents %s of %s", DEPLOY_README, variable, service.name())
							.contains(variable);
				}
			}
		});
	}

	// --- the services' configuration ------------------------------------------------------------------------------

	/** The services whose application.yml exists: one not written yet is left out, not failed. */
	private static List<ServiceConfig> services() {
		var services = SERVICES.stream().map(ServiceConfig::read).flatMap(Optional::stream).toList();
		assertThat(services).as("no application.yml of %s found under %s", SERVICES, REPOSITORY.toAbsolutePath()
				.normalize()).isNotEmpty();
		return services;
	}

	/**
	 * One service's application.yml, flattened to dotted keys (profile-specific documents left out), and its
	 * application-production.yaml, which applies over it when the environment activates the profile
	 * ({@code SPRING_PROFILES_ACTIVE}). Values are resolved as Boot would with a given environment: an environment
	 * variable with the relaxed name of the property wins, then the {@code ${NAME:default}} placeholders are resolved
	 * against the environment or their default.
	 */
	private record ServiceConfig(String name, String file, Map<String, String> properties,
			Map<String, String> production) {

		static Optional<ServiceConfig> read(String name) {
			var file = name + "/src/main/resources/application.yml";
			if (!Files.exists(REPOSITORY.resolve(file))) {
				System.err.println("DeploymentFilesTest: " + file + " does not exist yet, " + name + " not checked");
				return Optional.empty();
			}
			var properties = new LinkedHashMap<String, String>();
			for (var document : readYaml(file)) {
				if (document.at("/spring/config/activate/on-profile").isMissingNode()
						&& document.path("spring").path("profiles").isMissingNode()) {
					flatten("", document, properties);
				}
			}
			var production = new LinkedHashMap<String, String>();
			var productionFile = name + "/src/main/resources/application-production.yaml";
			if (Files.exists(REPOSITORY.resolve(productionFile))) {
				for (var document : readYaml(productionFile)) {
					flatten("", document, production);
				}
			}
			return Optional.of(new ServiceConfig(name, file, properties, production));
		}

		Optional<String> raw(String key) {
			return Optional.ofNullable(properties.get(key));
		}

		/** The value the service runs with in the given environment, or null if nothing sets it. */
		String value(String key, Map<String, String> env) {
			var relaxed = env.get(relaxedName(key));
			if (relaxed != null) {
				return relaxed;
			}
			if (inProduction(env) && production.containsKey(key)) {
				return resolve(production.get(key), env, 0);
			}
			return raw(key).map(value -> resolve(value, env, 0)).orElse(null);
		}

		static boolean inProduction(Map<String, String> env) {
			return words(Optional.ofNullable(env.get("SPRING_PROFILES_ACTIVE")).orElse("").replace(',', ' '))
					.contains("production");
		}

		String port(Map<String, String> env) {
			return Optional.ofNullable(value("server.port", env)).orElse(BOOT_DEFAULT_PORT);
		}

		String actuatorPort(Map<String, String> env) {
			return Optional.ofNullable(value("management.server.port", env)).orElseGet(() -> port(env));
		}

		String actuatorPath(String endpoint) {
			var basePath = raw("management.endpoints.web.base-path").orElse("/actuator");
			return (basePath.equals("/") ? "" : basePath) + endpoint;
		}

		Set<String> exposedEndpoints() {
			return words(raw("management.endpoints.web.exposure.include").orElse("health").replace(',', ' '));
		}

		/** "plan-service/.../application.yml server.port = 8081 (${PLAN_SERVICE_PORT:8081})", for messages. */
		String describe(String key, String value) {
			return file + " " + key + " = " + value + raw(key).map(declared -> " (" + declared + ")").orElse("");
		}

		String describePort(Map<String, String> env) {
			return describe("server.port", port(env));
		}

		String describeActuatorPort(Map<String, String> env) {
			if (inProduction(env) && production.containsKey("management.server.port")) {
				return file.replace("application.yml", "application-production.yaml") + " management.server.port = "
						+ actuatorPort(env) + " (" + production.get("management.server.port") + ")";
			}
			return raw("management.server.port").isPresent()
					? describe("management.server.port", actuatorPort(env)) : describePort(env);
		}

		/** Placeholder names and relaxed names of every declared property: what the service reads. */
		Set<String> environmentVariablesRead() {
			var read = new TreeSet<String>();
			// the profile is chosen by the environment, not declared in a file
			read.add("SPRING_PROFILES_ACTIVE");
			var declared = new LinkedHashMap<>(properties);
			declared.putAll(production);
			declared.forEach((key, value) -> {
				read.add(relaxedName(key));
				var placeholder = PLACEHOLDER.matcher(value);
				while (placeholder.find()) {
					if (ENVIRONMENT_VARIABLE.matcher(placeholder.group(1)).matches()) {
						read.add(placeholder.group(1));
					}
				}
			});
			return read;
		}

		Set<String> bindings() {
			var prefix = "spring.cloud.stream.bindings.";
			return properties.keySet().stream()
					.filter(key -> key.startsWith(prefix) && key.indexOf('.', prefix.length()) > 0)
					.map(key -> key.substring(prefix.length(), key.indexOf('.', prefix.length())))
					.collect(Collectors.toCollection(TreeSet::new));
		}

		List<String> consumerBindings() {
			return bindings().stream().filter(binding -> binding.contains("-in-")).toList();
		}

		/** The destinations of every binding and the dead-letter topics of the consumers that have one. */
		Set<String> topics(Map<String, String> env) {
			var topics = new TreeSet<String>();
			for (var binding : bindings()) {
				var destination = Optional.ofNullable(value("spring.cloud.stream.bindings." + binding + ".destination",
						env)).orElse(binding);
				var destinations = List.of(destination.split("\\s*,\\s*"));
				topics.addAll(destinations);
				if (!binding.contains("-in-")) {
					continue;
				}
				var consumer = "spring.cloud.stream.kafka.bindings." + binding + ".consumer.";
				var dlq = Optional.ofNullable(value(consumer + "enable-dlq", env))
						.or(() -> Optional.ofNullable(value("spring.cloud.stream.kafka.default.consumer.enable-dlq",
								env)))
						.orElse("false");
				if (dlq.equals("true")) {
					var group = value("spring.cloud.stream.bindings." + binding + ".group", env);
					var dlqName = value(consumer + "dlq-name", env);
					for (var source : destinations) {
						topics.add(dlqName != null ? dlqName : "error." + source + "." + group);
					}
				}
			}
			return topics;
		}

		Set<String> histogramMetrics() {
			var prefix = "management.metrics.distribution.percentiles-histogram.";
			return properties.entrySet().stream()
					.filter(entry -> entry.getKey().startsWith(prefix) && entry.getValue().equals("true"))
					.map(entry -> entry.getKey().substring(prefix.length())).collect(Collectors.toSet());
		}

		private String resolve(String value, Map<String, String> env, int depth) {
			if (depth > 10) {
				return value;
			}
			var placeholder = PLACEHOLDER.matcher(value);
			var resolved = new StringBuilder();
			while (placeholder.find()) {
				var name = placeholder.group(1);
				var replacement = env.containsKey(name) ? env.get(name)
						: properties.containsKey(name) ? resolve(properties.get(name), env, depth + 1)
								: placeholder.group(2);
				placeholder.appendReplacement(resolved,
						Matcher.quoteReplacement(replacement != null ? replacement : placeholder.group()));
			}
			placeholder.appendTail(resolved);
			return resolved.toString();
		}

		private static void flatten(String prefix, JsonNode node, Map<String, String> properties) {
			if (node.isObject()) {
				node.fields().forEachRemaining(field -> flatten(
						prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(),
						properties));
			}
			else if (node.isArray()) {
				for (int i = 0; i < node.size(); i++) {
					flatten(prefix + "[" + i + "]", node.get(i), properties);
				}
				properties.put(prefix, stream(node).map(JsonNode::asText).collect(Collectors.joining(",")));
			}
			else {
				properties.put(prefix, node.isNull() ? "" : node.asText());
			}
		}
	}

	/** The environment variable through which Boot's relaxed binding sets a property. */
	private static String relaxedName(String key) {
		return key.replace("[", "_").replace("]", "").replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

	// --- deploy/compose.yaml ----------------------------------------------------------------------------------------

	private record Variable(String name, String value, String origin) {
	}

	private record Compose(JsonNode root) {

		static Compose read() {
			return new Compose(readYaml(COMPOSE).get(0));
		}

		JsonNode service(String name) {
			var service = root.path("services").path(name);
			if (service.isMissingNode()) {
				fail("%s has no services.%s", COMPOSE, name);
			}
			return service;
		}

		List<Variable> environmentVariables(String name) {
			var environment = service(name).path("environment");
			var variables = new ArrayList<Variable>();
			var origin = COMPOSE + " services." + name + ".environment.";
			if (environment.isObject()) {
				environment.fields().forEachRemaining(field -> variables.add(new Variable(field.getKey(),
						interpolate(field.getValue().asText()), origin + field.getKey())));
			}
			else {
				for (var entry : environment) {
					var parts = entry.asText().split("=", 2);
					variables.add(new Variable(parts[0], parts.length > 1 ? interpolate(parts[1]) : null,
							origin + parts[0]));
				}
			}
			if (!service(name).path("env_file").isMissingNode()) {
				fail("%s services.%s.env_file: this test cannot see the variables of an env_file, set them in "
						+ "environment", COMPOSE, name);
			}
			return variables;
		}

		Map<String, String> environment(String name) {
			var env = new LinkedHashMap<String, String>();
			environmentVariables(name).forEach(variable -> env.put(variable.name(), variable.value()));
			return env;
		}

		/** Compose's own ${VAR:-default} interpolation; a required or unset variable stays as <VAR>. */
		private static String interpolate(String value) {
			var matcher = Pattern.compile("\\$\\$|\\$\\{([A-Za-z0-9_]+)(?:(:?[-?])([^}]*))?}").matcher(value);
			var result = new StringBuilder();
			while (matcher.find()) {
				String replacement;
				if (matcher.group().equals("$$")) {
					replacement = "$";
				}
				else if (matcher.group(2) != null && matcher.group(2).endsWith("-")) {
					replacement = matcher.group(3);
				}
				else {
					replacement = "<" + matcher.group(1) + ">";
				}
				matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
			}
			matcher.appendTail(result);
			return result.toString();
		}
	}

	private static String containerPort(JsonNode port) {
		if (port.isObject()) {
			return port.path("target").asText();
		}
		var spec = port.asText().replaceAll("/(tcp|udp)$", "");
		return spec.substring(spec.lastIndexOf(':') + 1);
	}

	// --- Kubernetes -------------------------------------------------------------------------------------------------

	private record Environment(List<Variable> variables) {

		Map<String, String> values() {
			var env = new LinkedHashMap<String, String>();
			variables.forEach(variable -> env.put(variable.name(), variable.value()));
			return env;
		}
	}

	/**
	 * What {@code kubectl apply -k} renders, as far as this test needs: resources (files and directories with their
	 * own kustomization.yaml), strategic-merge patches (inline or file, lists of named items merged by name) and
	 * replicas.
	 */
	private record Kubernetes(List<ObjectNode> resources) {

		static Kubernetes render(String directory) {
			var resources = new ArrayList<ObjectNode>();
			build(directory, resources);
			return new Kubernetes(resources);
		}

		private static void build(String directory, List<ObjectNode> resources) {
			var kustomization = directory + "/kustomization.yaml";
			var root = readYaml(kustomization).get(0);
			for (var resource : root.path("resources")) {
				var path = normalize(directory + "/" + resource.asText());
				if (Files.isDirectory(REPOSITORY.resolve(path))) {
					build(path, resources);
				}
				else {
					readYaml(path).stream().filter(JsonNode::isObject)
							.forEach(document -> resources.add((ObjectNode) document));
				}
			}
			for (var patch : root.path("patches")) {
				var body = patch.has("patch") ? parseYaml(patch.path("patch").asText(), kustomization)
						: readYaml(normalize(directory + "/" + patch.path("path").asText()));
				for (var document : body) {
					if (!document.isObject()) {
						fail("%s patches: only strategic-merge patches are understood by this test", kustomization);
					}
					var kind = patch.path("target").path("kind").asText(document.path("kind").asText());
					var name = patch.path("target").has("kind") ? patch.path("target").path("name").asText("")
							: document.path("metadata").path("name").asText();
					var targets = resources.stream().filter(resource -> resource.path("kind").asText().equals(kind))
							.filter(resource -> name.isEmpty()
									|| resource.path("metadata").path("name").asText().equals(name))
							.toList();
					if (targets.isEmpty()) {
						fail("%s patches: nothing matches kind %s name '%s'", kustomization, kind, name);
					}
					for (var target : targets) {
						var patchBody = document.deepCopy();
						((ObjectNode) patchBody).remove("metadata");
						merge(target, patchBody);
					}
				}
			}
			for (var replicas : root.path("replicas")) {
				var name = replicas.path("name").asText();
				var deployment = resources.stream().filter(resource -> resource.path("kind").asText()
						.equals("Deployment") && resource.path("metadata").path("name").asText().equals(name))
						.findFirst();
				if (deployment.isEmpty()) {
					fail("%s replicas: no Deployment %s", kustomization, name);
				}
				((ObjectNode) deployment.get().path("spec")).put("replicas", replicas.path("count").asInt());
			}
		}

		/** Strategic merge as far as the manifests use it: maps merged, lists of named items merged by name. */
		private static void merge(ObjectNode target, JsonNode patch) {
			patch.fields().forEachRemaining(field -> {
				var existing = target.get(field.getKey());
				var value = field.getValue();
				if (existing instanceof ObjectNode object && value.isObject()) {
					merge(object, value);
				}
				else if (existing instanceof ArrayNode list && value.isArray() && stream(value)
						.allMatch(item -> item.has("name"))) {
					for (var item : value) {
						var same = stream(list).filter(old -> old.path("name").equals(item.path("name"))).findFirst();
						if (same.isPresent() && same.get() instanceof ObjectNode old) {
							merge(old, item);
						}
						else {
							list.add(item.deepCopy());
						}
					}
				}
				else {
					target.set(field.getKey(), value.deepCopy());
				}
			});
		}

		Optional<ObjectNode> find(String kind, String name) {
			return resources.stream().filter(resource -> resource.path("kind").asText().equals(kind)
					&& resource.path("metadata").path("name").asText().equals(name)).findFirst();
		}

		ObjectNode deployment(String name) {
			return find("Deployment", name).orElseGet(() -> fail("%s renders no Deployment named %s", PRODUCTION,
					name));
		}

		JsonNode container(JsonNode deployment, String name) {
			return stream(deployment.path("spec").path("template").path("spec").path("containers"))
					.filter(container -> container.path("name").asText().equals(name)).findFirst()
					.orElseGet(() -> fail("%s has no container named %s", location(deployment), name));
		}

		String location(JsonNode resource) {
			return PRODUCTION + " " + resource.path("kind").asText() + " " + resource.path("metadata").path("name")
					.asText();
		}

		Map<String, String> configMapData(String name) {
			var data = new LinkedHashMap<String, String>();
			find("ConfigMap", name).orElseGet(() -> fail("%s renders no ConfigMap named %s", PRODUCTION, name))
					.path("data").fields().forEachRemaining(field -> data.put(field.getKey(), field.getValue()
							.asText()));
			return data;
		}

		/**
		 * The variables the service's container gets: envFrom ConfigMaps (rendered), envFrom Secrets (their keys as
		 * documented by secrets.example.yaml, since the real ones are not in the repository), then env.
		 */
		Environment environment(JsonNode deployment, String containerName) {
			var container = container(deployment, containerName);
			var variables = new ArrayList<Variable>();
			for (var source : container.path("envFrom")) {
				var prefix = source.path("prefix").asText("");
				if (source.has("configMapRef")) {
					var name = source.path("configMapRef").path("name").asText();
					configMapData(name).forEach((key, value) -> variables.add(new Variable(prefix + key, value,
							PRODUCTION + " ConfigMap " + name + " data." + key)));
				}
				if (source.has("secretRef")) {
					var name = source.path("secretRef").path("name").asText();
					secretExample(name).forEach((key, value) -> variables.add(new Variable(prefix + key, value,
							SECRETS_EXAMPLE + " Secret " + name + " stringData." + key)));
				}
			}
			for (var variable : container.path("env")) {
				var name = variable.path("name").asText();
				variables.add(new Variable(name, variable.has("value") ? variable.path("value").asText() : null,
						location(deployment) + " container " + containerName + " env." + name));
			}
			return new Environment(variables);
		}

		/** A port given as a number or as the name of one of the container's ports. */
		String portNumber(JsonNode container, JsonNode port) {
			if (port.isNumber() || port.asText().matches("\\d+")) {
				return port.asText();
			}
			return stream(container.path("ports")).filter(declared -> declared.path("name").asText()
					.equals(port.asText())).map(declared -> declared.path("containerPort").asText()).findFirst()
					.orElse("<no port named '" + port.asText() + "'>");
		}

		private static Map<String, String> secretExample(String name) {
			var secret = readYaml(SECRETS_EXAMPLE).stream().filter(document -> document.path("kind").asText()
					.equals("Secret") && document.path("metadata").path("name").asText().equals(name)).findFirst()
					.orElseGet(() -> fail("a Deployment reads Secret %s, which %s does not describe", name,
							SECRETS_EXAMPLE));
			var data = new LinkedHashMap<String, String>();
			secret.path("stringData").fields().forEachRemaining(field -> data.put(field.getKey(), field.getValue()
					.asText()));
			secret.path("data").fieldNames().forEachRemaining(key -> data.put(key, null));
			return data;
		}

		private static String normalize(String path) {
			return Path.of(path).normalize().toString().replace('\\', '/');
		}
	}

	// --- Grafana and metrics ----------------------------------------------------------------------------------------

	/** Every panel with queries, rows' nested panels included. */
	private static List<JsonNode> panels(JsonNode dashboard) {
		var panels = new ArrayList<JsonNode>();
		collectPanels(dashboard.path("panels"), panels);
		return panels;
	}

	private static void collectPanels(JsonNode list, List<JsonNode> panels) {
		for (var panel : list) {
			if (panel.has("targets")) {
				panels.add(panel);
			}
			collectPanels(panel.path("panels"), panels);
		}
	}

	/**
	 * The metric names of a PromQL expression: label matchers, ranges, strings and grouping clauses removed, what is
	 * left and is not followed by '(' (a function or an aggregation) nor a keyword is a metric.
	 */
	static Set<String> metricNames(String expr) {
		var stripped = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ").replaceAll("\\{[^}]*}", " ")
				.replaceAll("\\[[^]]*]", " ")
				.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		var keywords = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and",
				"or", "unless", "inf", "nan");
		var names = new TreeSet<String>();
		var identifier = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(stripped);
		while (identifier.find()) {
			if (identifier.group(2) == null && !keywords.contains(identifier.group(1).toLowerCase(Locale.ROOT))) {
				names.add(identifier.group(1));
			}
		}
		return names;
	}

	private static Optional<String> documentedName(String prometheusName, Set<String> documented) {
		return documented.stream().filter(name -> PROMETHEUS_SUFFIXES.stream()
				.anyMatch(suffix -> prometheusName.equals(name.replace('.', '_') + suffix))).findFirst();
	}

	/** Issue 5's list, the root README's "Metrics" table (read now: it grows with the services) and Boot's. */
	private static Set<String> documentedMetrics() {
		var documented = new TreeSet<>(SERVICE_METRICS);
		documented.addAll(BOOT_METRICS);
		var readme = readText(ROOT_README);
		var section = readme.indexOf("## Metrics");
		if (section >= 0) {
			var row = Pattern.compile("(?m)^\\|\\s*`([a-z0-9_.]+)`\\s*\\|").matcher(readme.substring(section));
			while (row.find()) {
				documented.add(row.group(1));
			}
		}
		return documented;
	}

	private static Set<String> datasourceUids() {
		try (var files = Files.list(REPOSITORY.resolve(DATASOURCES))) {
			return files.filter(file -> file.toString().matches(".*\\.ya?ml"))
					.flatMap(file -> readYaml(REPOSITORY.relativize(file).toString()).stream())
					.flatMap(document -> stream(document.path("datasources")))
					.map(datasource -> datasource.path("uid").asText()).collect(Collectors.toSet());
		}
		catch (IOException e) {
			return fail("cannot list %s: %s", DATASOURCES, e);
		}
	}

	private static boolean javaSourcesMention(Path sources, String literal) {
		try (var files = Files.walk(sources)) {
			return files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
				try {
					return Files.readString(file).contains(literal);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (IOException e) {
			return fail("cannot read %s: %s", sources, e);
		}
	}

	// --- reading ----------------------------------------------------------------------------------------------------

	private static void softly(Consumer<SoftAssertions> checks) {
		SoftAssertions.assertSoftly(checks);
	}

	private static List<JsonNode> readYaml(String relative) {
		return parseYaml(readText(relative), relative);
	}

	private static List<JsonNode> parseYaml(String yaml, String origin) {
		try {
			var documents = new ArrayList<JsonNode>();
			try (var iterator = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
				while (iterator.hasNext()) {
					var document = iterator.next();
					if (document != null && !document.isNull() && !document.isMissingNode()) {
						documents.add(document);
					}
				}
			}
			return documents.isEmpty() ? List.of(JsonNodeFactory.instance.objectNode()) : documents;
		}
		catch (IOException e) {
			return fail("%s is not valid YAML: %s", origin, e.getMessage());
		}
	}

	private static JsonNode readJson(String relative) {
		try {
			return JSON.readTree(readText(relative));
		}
		catch (IOException e) {
			return fail("%s is not valid JSON: %s", relative, e.getMessage());
		}
	}

	private static String readText(String relative) {
		var file = REPOSITORY.resolve(relative);
		if (!Files.exists(file)) {
			fail("%s does not exist (looked in %s)", relative, file.toAbsolutePath().normalize());
		}
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String text(JsonNode node) {
		return node.isArray() ? stream(node).map(JsonNode::asText).collect(Collectors.joining(" ")) : node.asText();
	}

	private static Set<String> words(String text) {
		return text == null || text.isBlank() ? Set.of()
				: new LinkedHashSet<>(List.of(text.trim().split("\\s+")));
	}

	private static Stream<JsonNode> stream(JsonNode node) {
		Iterator<JsonNode> elements = node.elements();
		var list = new ArrayList<JsonNode>();
		elements.forEachRemaining(list::add);
		return list.stream();
	}
}
