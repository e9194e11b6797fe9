package org.cicloperformance.reportingservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.reportingservice.support.InProcessInfrastructure;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.ObjectNode;

/**
 * The production path: identities are JWTs signed by the identity provider, here a key pair made by the test, and
 * no local user exists, as in production. A context of its own (its own database, its consumers not started: the
 * events are handed to the consumer functions directly, so it never joins the shared context's consumer group).
 */
@SpringBootTest(properties = { "spring.cloud.stream.bindings.planEvents-in-0.consumer.auto-startup=false",
		"spring.cloud.stream.bindings.resultEvents-in-0.consumer.auto-startup=false",
		"spring.cloud.stream.bindings.checkpointEvents-in-0.consumer.auto-startup=false" })
@AutoConfigureMockMvc
@Import(JwtIdentityIntegrationTest.TestIssuer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtIdentityIntegrationTest {

	static final KeyPair ISSUER_KEYS = rsa();

	static final KeyPair FORGER_KEYS = rsa();

	static final String PLAN = "cciaa-brescia-2018";

	static final String OTHER_PLAN = "cciaa-bergamo-2018";

	static final String AT = "/api/plans/" + PLAN + "/checkpoints/2018-06-30";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "reporting-jwt");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestIssuer {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER_KEYS.getPublic()).build();
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("planEvents")
	Consumer<Message<byte[]>> planEvents;

	@Autowired
	@Qualifier("resultEvents")
	Consumer<List<byte[]>> resultEvents;

	@BeforeAll
	void twoEntitiesWithAPlanEach() {
		consume(planEvents, Seed.planPublished(PLAN));
		// result events come in batches
		resultEvents.accept(
				Seed.juneResults(PLAN).stream().map(json -> json.getBytes(StandardCharsets.UTF_8)).toList());
		ObjectNode bergamo = (ObjectNode) Seed.plan();
		bergamo.put("entity", "cciaa-bergamo");
		consume(planEvents, Seed.planEvent("PlanPublished", OTHER_PLAN, 1, List.of("2018-06-30", "2018-12-31"),
				bergamo));
	}

	@Test
	void aViewersTokenReadsTheScoresOfItsEntity() throws Exception {
		String token = token(ISSUER_KEYS, Map.of("preferred_username", "m.bianchi", "roles", List.of("VIEWER"),
				"entity", "cciaa-brescia"));

		MockHttpServletResponse tree = bearer(get(AT + "/scores"), token);

		assertThat(tree.getStatus()).isEqualTo(200);
		assertThat(Seed.JSON.readTree(tree.getContentAsString(StandardCharsets.UTF_8)).path("node").path("scoreText")
				.asString()).isEqualTo("75,36%");
		assertThat(bearer(get(AT + "/hr-feed"), token).getStatus()).isEqualTo(403);
	}

	@Test
	void aManagersTokenReadsTheirScorecardOnly() throws Exception {
		String token = token(ISSUER_KEYS, Map.of("preferred_username", "a.dazzeo", "roles", "MANAGER", "entity",
				"cciaa-brescia", "manager", "dazzeo"));

		assertThat(bearer(get(AT + "/managers/dazzeo"), token).getStatus()).isEqualTo(200);
		assertThat(bearer(get(AT + "/managers/ziletti"), token).getStatus()).isEqualTo(403);
		assertThat(bearer(get(AT + "/scores"), token).getStatus()).isEqualTo(403);
	}

	@Test
	void anAreaOfficesAreasMayBeOneSpaceSeparatedClaim() throws Exception {
		String token = token(ISSUER_KEYS, Map.of("sub", "ufficio-1", "roles", "AREA_OFFICE other-app-role",
				"entity", "cciaa-brescia", "areas", "ANA PRM"));

		assertThat(bearer(get(AT + "/areas/ANA"), token).getStatus()).isEqualTo(200);
		assertThat(bearer(get(AT + "/areas/PRM"), token).getStatus()).isEqualTo(200);
		assertThat(bearer(get(AT + "/areas/AMM"), token).getStatus()).isEqualTo(403);
	}

	@Test
	void aTokenOfAnotherEntityFindsNothingOfThisOne() throws Exception {
		String token = token(ISSUER_KEYS, Map.of("preferred_username", "pianificazione-bergamo", "roles",
				List.of("PLANNER"), "entity", "cciaa-bergamo"));

		assertThat(bearer(get(AT + "/scores"), token).getStatus()).isEqualTo(404);
		assertThat(bearer(get("/api/plans/" + OTHER_PLAN + "/checkpoints/2018-06-30/scores"), token).getStatus())
				.isEqualTo(200);
	}

	@Test
	void aTokenWithoutRolesOfThisApplicationIsForbidden() throws Exception {
		String token = token(ISSUER_KEYS, Map.of("preferred_username", "x", "roles", List.of("ADMIN"), "entity",
				"cciaa-brescia"));

		assertThat(bearer(get(AT + "/scores"), token).getStatus()).isEqualTo(403);
	}

	@Test
	void forgedAndExpiredTokensAreRefused() throws Exception {
		Map<String, Object> planner = Map.of("preferred_username", "intruso", "roles", List.of("PLANNER"), "entity",
				"cciaa-brescia");

		MockHttpServletResponse forged = bearer(get(AT + "/scores"), token(FORGER_KEYS, planner));
		MockHttpServletResponse expired = bearer(get(AT + "/scores"),
				token(ISSUER_KEYS, planner, Instant.now().minusSeconds(3600)));

		assertThat(forged.getStatus()).isEqualTo(401);
		assertThat(forged.getContentType()).startsWith("application/problem+json");
		assertThat(expired.getStatus()).isEqualTo(401);
	}

	@Test
	void withoutLocalUsersBasicAuthenticationGetsNobodyIn() throws Exception {
		MockHttpServletResponse response = mvc.perform(get(AT + "/scores").header(HttpHeaders.AUTHORIZATION,
				AuthenticatedAsPlanner.basic("pianificatore"))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
	}

	@Test
	void withoutLocalUsersTheDashboardSaysSoAndLetsNobodyIn() throws Exception {
		String token = token(ISSUER_KEYS, Map.of("preferred_username", "m.bianchi", "roles", List.of("VIEWER"),
				"entity", "cciaa-brescia"));

		MockHttpServletResponse withToken = bearer(get("/dashboard"), token);
		String page = mvc.perform(get("/dashboard/login")).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		MockHttpServletResponse defaultUser = mvc.perform(post("/dashboard/login").with(csrf())
				.param("username", "user").param("password", "password")).andReturn().getResponse();

		assertThat(withToken.getRedirectedUrl()).endsWith("/dashboard/login");
		assertThat(page).contains("id=\"login-unavailable\"").doesNotContain("<form class=\"login-form\"");
		assertThat(defaultUser.getRedirectedUrl()).isEqualTo("/dashboard/login?error");
	}

	// --- helpers ---

	private MockHttpServletResponse bearer(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token)
			throws Exception {
		return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse();
	}

	private static void consume(Consumer<Message<byte[]>> consumer, String json) {
		consumer.accept(MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8)).build());
	}

	private static String token(KeyPair keys, Map<String, Object> claims) {
		return token(keys, claims, Instant.now());
	}

	private static String token(KeyPair keys, Map<String, Object> claims, Instant issuedAt) {
		var jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
			.keyID("test")
			.build();
		var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
		var set = JwtClaimsSet.builder().issuer("https://idp.example").subject("sub-1").issuedAt(issuedAt)
			.expiresAt(issuedAt.plusSeconds(300));
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
