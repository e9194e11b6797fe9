package org.cicloperformance.reportingservice.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Tests call the API as the planner of the demo's entity ("cciaa-brescia") unless they set another Authorization
 * header; the users are those of {@code application-test.yml}. The dashboard ignores the header: its pages need a
 * session from the login form ({@link SignIn}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class AuthenticatedAsPlanner {

	public static final String PASSWORD = "segreta";

	public static String basic(String username) {
		return basic(username, PASSWORD);
	}

	public static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Bean
	MockMvcBuilderCustomizer asPlanner() {
		return builder -> builder.defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION, basic("pianificatore")));
	}
}
