package org.cicloperformance.reportingservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** JWTs are accepted only where an identity provider is configured. */
class JwtIssuerConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(JwtIssuerConfiguration.class);

	@Test
	void withoutAnIssuerThereIsNoDecoder() {
		context.withPropertyValues("ciclo.security.jwt.issuer-uri=")
			.run(c -> assertThat(c).doesNotHaveBean(JwtDecoder.class));
	}

	@Test
	void anIssuerMakesADecoderWithoutContactingItAtStartUp() {
		context.withPropertyValues("ciclo.security.jwt.issuer-uri=http://127.0.0.1:9/realms/ciclo-performance")
			.run(c -> assertThat(c).hasSingleBean(JwtDecoder.class));
	}

	@Test
	void aKeySetUriAloneIsEnough() {
		context.withPropertyValues("ciclo.security.jwt.jwk-set-uri=http://127.0.0.1:9/certs")
			.run(c -> assertThat(c).hasSingleBean(JwtDecoder.class));
	}
}
