package org.cicloperformance.planservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The production path: identities are JWTs signed by the identity provider, here a key pair made by the test.
 * No local user exists in this context, as in production.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(JwtIdentityIntegrationTest.TestIssuer.class)
class JwtIdentityIntegrationTest {

	static final KeyPair ISSUER_KEYS = rsa();

	static final KeyPair FORGER_KEYS = rsa();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-jwt");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestIssuer {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER_KEYS.getPublic()).build();
		}
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void aPlannersTokenCreatesAPlanOfItsEntityAndEventsNameTheUser() {
		var token = token(ISSUER_KEYS, Map.of("preferred_username", "m.rossi", "roles", List.of("PLANNER"), "entity",
				"ente-jwt"));

		var created = mvc.post().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(org.cicloperformance.planservice.plan.web.PlanRequests.planJson("ente-jwt", 2030))
			.exchange();

		assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.createdBy").isEqualTo("m.rossi");
	}

	@Test
	void aViewersTokenReadsButCannotWrite() {
		var token = token(ISSUER_KEYS, Map.of("preferred_username", "lettore", "roles", "VIEWER", "entity", "ente-jwt"));

		assertThat(mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).hasStatusOk();
		assertThat(mvc.post().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(org.cicloperformance.planservice.plan.web.PlanRequests.planJson("ente-jwt", 2031)))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aTokenSignedByAnotherKeyIsRefused() {
		var forged = token(FORGER_KEYS, Map.of("preferred_username", "intruso", "roles", List.of("PLANNER"), "entity",
				"ente-jwt"));

		assertThat(mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void withoutLocalUsersBasicAuthenticationGetsNobodyIn() {
		assertThat(mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, "Basic cGlhbmlmaWNhdG9yZTpzZWdyZXRh"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private static String token(KeyPair keys, Map<String, Object> claims) {
		var jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
			.keyID("test")
			.build();
		var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
		var now = Instant.now();
		var set = JwtClaimsSet.builder().issuer("https://idp.example").subject("sub-1").issuedAt(now)
			.expiresAt(now.plusSeconds(300));
		claims.forEach(set::claim);
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("test").build(),
				set.build())).getTokenValue();
	}

	private static KeyPair rsa() {
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
