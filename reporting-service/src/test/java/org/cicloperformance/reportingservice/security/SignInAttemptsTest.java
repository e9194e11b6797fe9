package org.cicloperformance.reportingservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cicloperformance.reportingservice.audit.AuditEntry;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Wrong passwords, on the API (Basic) and on the dashboard's login form, are limited per user name and per
 * address, and every failed sign-in is on record by name.
 */
class SignInAttemptsTest extends IntegrationTest {

	static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MongoTemplate mongo;

	@Test
	void theSixthWrongPasswordForOneUserNameIsRefusedWithRetryAfter() throws Exception {
		String user = "ignoto-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			assertThat(call(basic(user, "sbagliata"), newAddress()).getStatus()).isEqualTo(401);
		}

		var refused = call(basic(user, "sbagliata"), newAddress());

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(MediaType.parseMediaType(refused.getContentType()))
			.isEqualTo(MediaType.parseMediaType("application/problem+json;charset=UTF-8"));
		assertThat(refused.getContentAsString()).contains("https://cicloperformance.org/problems/throttled");
		assertThat(Integer.parseInt(refused.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1, 300);
	}

	@Test
	void anAddressSprayingUserNamesIsRefusedEvenWithARightPassword() throws Exception {
		String address = newAddress();
		for (int i = 0; i < 20; i++) {
			call(basic("spray-" + i + "-" + UUID.randomUUID(), "sbagliata"), address);
		}

		assertThat(call(basic("oiv"), address).getStatus()).isEqualTo(429);
		assertThat(call(basic("oiv"), newAddress()).getStatus()).isEqualTo(200);
	}

	@Test
	void theLoginFormIsLimitedAlikeAndEveryFailureIsOnRecord() {
		String user = "ignoto-form-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			assertThat(SignIn.attempt(mvc, user, "sbagliata").getResponse().getRedirectedUrl()).contains("error");
		}

		assertThat(SignIn.attempt(mvc, user, "sbagliata").getResponse().getStatus()).isEqualTo(429);
		var entries = mongo.find(Query.query(Criteria.where("actor").is(user)), AuditEntry.class);
		assertThat(entries).extracting(AuditEntry::status).containsExactlyInAnyOrder(401, 401, 401, 401, 401, 429);
		assertThat(entries).extracting(AuditEntry::outcome).containsOnly(AuditEntry.REFUSED);
	}

	@Test
	void aFailedApiSignInOfAKnownUserIsVisibleToItsEntitysAuditors() throws Exception {
		String address = newAddress();

		assertThat(call(basic("personale", "sbagliata"), address).getStatus()).isEqualTo(401);

		String trail = mvc.perform(get("/api/audit").header(HttpHeaders.AUTHORIZATION, basic("oiv"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(trail).contains("\"remoteAddress\":\"" + address + "\"");
		var entries = mongo.find(Query.query(Criteria.where("remoteAddress").is(address)), AuditEntry.class);
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.actor()).isEqualTo("personale");
			assertThat(entry.status()).isEqualTo(401);
		});
	}

	private MockHttpServletResponse call(String authorization, String address) throws Exception {
		return mvc.perform(get("/api/audit").header(HttpHeaders.AUTHORIZATION, authorization).with(request -> {
			request.setRemoteAddr(address);
			return request;
		})).andReturn().getResponse();
	}

	private static String newAddress() {
		return "10.9.2." + ADDRESSES.getAndIncrement();
	}
}
