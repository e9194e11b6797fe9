package org.cicloperformance.planservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cicloperformance.planservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code production}: health and Prometheus answer on the management port only (kept inside the cluster);
 * the application port serves neither them nor the API documentation to anyone who is not signed in.
 */
@ActiveProfiles({ "test", "production" })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.server.address=127.0.0.1" })
class ProductionProfileTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-production");
	}

	@Value("${local.server.port}")
	int serverPort;

	@Value("${local.management.port}")
	int managementPort;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthAndMetricsAnswerOnTheManagementPort() throws Exception {
		assertThat(managementPort).isNotEqualTo(serverPort);
		assertThat(get(managementPort, "/actuator/health", null).statusCode()).isEqualTo(200);
		var metrics = get(managementPort, "/actuator/prometheus", null);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void theApplicationPortServesNoManagementEndpointAndNoApiDocs() throws Exception {
		assertThat(get(serverPort, "/actuator/prometheus", null).statusCode()).isIn(401, 404);
		assertThat(get(serverPort, "/actuator/health", null).statusCode()).isIn(401, 404);
		assertThat(get(serverPort, "/actuator/prometheus", AuthenticatedAsPlanner.basic("pianificatore")).statusCode())
			.isEqualTo(404);
		assertThat(get(serverPort, "/v3/api-docs", null).statusCode()).isNotEqualTo(200);
		assertThat(get(serverPort, "/api/plans", AuthenticatedAsPlanner.basic("pianificatore")).statusCode())
			.isEqualTo(200);
	}

	private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
