package org.cicloperformance.monitoringservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Wrong passwords are limited per user name and per address, and every failed sign-in is on record by name. */
class SignInAttemptsTest extends IntegrationTestBase {

	static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MockMvcTester mvc;

	@Test
	void theSixthWrongPasswordForOneUserNameIsRefusedWithRetryAfter() {
		String user = "ignoto-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			assertThat(call(wrong(user), newAddress())).hasStatus(HttpStatus.UNAUTHORIZED);
		}

		var refused = call(wrong(user), newAddress());

		assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.type")
			.isEqualTo("https://cicloperformance.org/problems/throttled");
		assertThat(Integer.parseInt(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1, 300);
	}

	@Test
	void anAddressSprayingUserNamesIsRefusedEvenWithARightPassword() {
		String address = newAddress();
		for (int i = 0; i < 20; i++) {
			call(wrong("spray-" + i + "-" + UUID.randomUUID()), address);
		}

		assertThat(call(basic("lettore"), address)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(call(basic("lettore"), newAddress())).hasStatusOk();
	}

	@Test
	void everyFailedSignInIsOnRecordWithTheNameItTried() {
		String address = newAddress();

		assertThat(call(wrong("personale"), address)).hasStatus(HttpStatus.UNAUTHORIZED);

		assertThat(mvc.get().uri("/api/audit").header(HttpHeaders.AUTHORIZATION, basic("oiv"))).bodyJson()
			.extractingPath("$[?(@.remoteAddress == '" + address + "')]")
			.asArray()
			.singleElement()
			.satisfies(entry -> assertThat(entry.toString()).contains("actor=personale", "status=401",
					"outcome=REFUSED"));
	}

	private MvcTestResult call(String authorization, String address) {
		return mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, authorization).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).exchange();
	}

	private static String wrong(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":sbagliata").getBytes(StandardCharsets.UTF_8));
	}

	private static String newAddress() {
		return "10.9.1." + ADDRESSES.getAndIncrement();
	}
}
