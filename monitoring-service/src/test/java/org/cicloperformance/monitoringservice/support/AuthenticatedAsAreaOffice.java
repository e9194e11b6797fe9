package org.cicloperformance.monitoringservice.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Tests call the API as {@value #DEFAULT_USER}, the area office for area ANA of "cciaa-esempio" (the entity of the
 * golden sample plans), unless they set another Authorization header; the users are those of
 * {@code application-test.yml}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AuthenticatedAsAreaOffice {

	public static final String DEFAULT_USER = "ufficio-anagrafe";

	public static final String PASSWORD = "segreta";

	public static String basic(String username) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	@Bean
	MockMvcBuilderCustomizer asAreaOffice() {
		return builder -> builder.defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION, basic(DEFAULT_USER)));
	}
}
