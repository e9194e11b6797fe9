package org.cicloperformance.reportingservice.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignaturesTest {

	private static final String SECRET = "whsec_test-secret-0123456789";

	@Test
	void theSignatureIsTheHmacSha256OfTimestampDotBodyInHex() {
		// computed apart: python3 -c "import hmac,hashlib; print(hmac.new(b'whsec_test-secret-0123456789',
		// b'1700000000.{\"a\":1}', hashlib.sha256).hexdigest())"
		assertThat(Signatures.sign(SECRET, 1_700_000_000L, "{\"a\":1}"))
				.isEqualTo("sha256=0e482f07c35f06573813388adc06b55064b18e3228bd1f28cd50205b2e4029e2");
	}

	@Test
	void anotherBodyTimestampOrSecretDoesNotVerify() {
		String signature = Signatures.sign(SECRET, 1_700_000_000L, "{\"a\":1}");

		assertThat(Signatures.verify(SECRET, 1_700_000_000L, "{\"a\":1}", signature)).isTrue();
		assertThat(Signatures.verify(SECRET, 1_700_000_000L, "{\"a\":2}", signature)).isFalse();
		assertThat(Signatures.verify(SECRET, 1_700_000_001L, "{\"a\":1}", signature)).isFalse();
		assertThat(Signatures.verify(SECRET + "x", 1_700_000_000L, "{\"a\":1}", signature)).isFalse();
		assertThat(Signatures.verify(SECRET, 1_700_000_000L, "{\"a\":1}", null)).isFalse();
	}

	@Test
	void newSecretsAreLongRandomAndDifferent() {
		String one = Signatures.newSecret();

		assertThat(one).startsWith("whsec_").hasSize(6 + 64).isNotEqualTo(Signatures.newSecret());
	}
}
