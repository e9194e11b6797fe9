package org.cicloperformance.monitoringservice.security;

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
import java.util.UUID;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The production path: identities are JWTs signed by the identity provider, here a key pair made by the test. No
 * local user exists in this context, as in production. Its own context (closed afterwards) with its own database
 * and without the plan-events consumer, so that it does not compete with the shared context.
 */
@SpringBootTest(properties = "spring.cloud.stream.bindings.planEvents-in-0.consumer.auto-startup=false")
@AutoConfigureMockMvc
@Import(JwtIdentityTest.TestIssuer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class JwtIdentityTest {

	static final KeyPair ISSUER_KEYS = rsa();

	static final KeyPair FORGER_KEYS = rsa();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("monitoring-jwt"));
		registry.add("spring.cloud.stream.kafka.binder.brokers", () -> TestInfrastructure.broker().getBrokersAsString());
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

	@Autowired
	PlanVersionStore plans;

	String planId;

	@BeforeEach
	void aPlanWithObjectivesOfTwoAreas() {
		planId = "piano-jwt-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.withArea(SamplePlans.published(planId), "1.1.2", "PRM")));
	}

	String item(String objective, String indicator, String value) {
		return """
				{"planId":"%s","objective":"%s","indicator":"%s","checkpoint":"2018-06-30","value":%s,"reportedBy":"x"}"""
			.formatted(planId, objective, indicator, value);
	}

	MvcTestResult post(String token, String json) {
		return mvc.post().uri("/api/results").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@Test
	void anAreaOfficesTokenRecordsForItsAreasOnlyAndSignsWithItsName() {
		var token = token(ISSUER_KEYS, Map.of("preferred_username", "m.bianchi", "roles",
				List.of("offline_access", "AREA_OFFICE"), "entity", "cciaa-esempio", "areas", "ANA"));

		assertThat(post(token, item("1.1.1", "1", "{\"number\": 500}"))).hasStatus(HttpStatus.CREATED)
			.bodyJson().extractingPath("$.reportedBy").isEqualTo("m.bianchi");
		assertThat(post(token, item("1.1.2", "2", "{\"yes\": true}"))).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("area-forbidden");
	}

	@Test
	void aTokenOfAnotherEntityFindsNoPlan() {
		var token = token(ISSUER_KEYS, Map.of("preferred_username", "intruso", "roles", "AREA_OFFICE", "entity",
				"ente-altro", "areas", List.of("ANA", "PRM")));

		assertThat(post(token, item("1.1.1", "1", "{\"number\": 500}"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void aViewersTokenReadsButCannotWrite() {
		var token = token(ISSUER_KEYS, Map.of("preferred_username", "lettore", "roles", "VIEWER", "entity",
				"cciaa-esempio"));

		assertThat(mvc.get().uri("/api/results").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).hasStatusOk();
		assertThat(post(token, item("1.1.1", "1", "{\"number\": 500}"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aTokenSignedByAnotherKeyIsRefused() {
		var forged = token(FORGER_KEYS, Map.of("preferred_username", "intruso", "roles", List.of("AREA_OFFICE"),
				"entity", "cciaa-esempio", "areas", "ANA"));

		assertThat(post(forged, item("1.1.1", "1", "{\"number\": 500}"))).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri("/api/results").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void withoutLocalUsersBasicAuthenticationGetsNobodyIn() {
		assertThat(mvc.get().uri("/api/results").header(HttpHeaders.AUTHORIZATION, "Basic b2l2OnNlZ3JldGE="))
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
