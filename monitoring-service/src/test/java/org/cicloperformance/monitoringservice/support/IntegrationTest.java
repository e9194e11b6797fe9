package org.cicloperformance.monitoringservice.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context shared by the integration tests (same configuration, so Spring's test context cache
 * reuses it). Test classes extend {@link IntegrationTestBase} for the broker and MongoDB properties. Requests are
 * authenticated as {@link AuthenticatedAsAreaOffice#DEFAULT_USER} unless a test says otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("test")
@Import({ AuthenticatedAsAreaOffice.class, MongoCommands.class })
@SpringBootTest(properties = { "monitoring.outbox.relay-delay-ms=50",
		"spring.cloud.stream.bindings.planEvents-in-0.consumer.back-off-initial-interval=50" })
@AutoConfigureMockMvc
public @interface IntegrationTest {
}
