package org.cicloperformance.monitoringservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Profile {@code production} of this service moves the management endpoints to their own port and turns the API
 * documentation off (plan-service's {@code ProductionProfileTest} starts a whole service with it; a second context
 * here would be a second consumer in the tests' consumer group).
 */
class ProductionProfileFileTest {

	@Test
	void managementEndpointsHaveTheirOwnPortAndApiDocsAreOff() throws Exception {
		List<PropertySource<?>> production = new YamlPropertySourceLoader().load("production",
				new ClassPathResource("application-production.yaml"));
		List<PropertySource<?>> base = new YamlPropertySourceLoader().load("base",
				new ClassPathResource("application.yml"));

		String managementPort = String.valueOf(production.get(0).getProperty("management.server.port"));
		String serverPort = String.valueOf(base.get(0).getProperty("server.port"));
		assertThat(managementPort).matches("\\$\\{[A-Z_]+_MANAGEMENT_PORT:908[1-3]}");
		assertThat(managementPort.replaceAll("\\D", "")).isNotEqualTo(serverPort.replaceAll("\\D", ""));
		assertThat(String.valueOf(production.get(0).getProperty("springdoc.api-docs.enabled"))).endsWith(":false}");
		assertThat(String.valueOf(production.get(0).getProperty("springdoc.swagger-ui.enabled"))).endsWith(":false}");
	}
}
