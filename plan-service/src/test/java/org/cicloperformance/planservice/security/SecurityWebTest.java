package org.cicloperformance.planservice.security;

import org.cicloperformance.planservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One context for the web-facing security tests of this package (cross-site calls, sign-in attempts). */
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest
@AutoConfigureMockMvc
abstract class SecurityWebTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-security-web");
	}
}
