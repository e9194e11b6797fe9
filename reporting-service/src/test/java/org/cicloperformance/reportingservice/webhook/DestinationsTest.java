package org.cicloperformance.reportingservice.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.cicloperformance.reportingservice.webhook.WebhookRefusedException.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestinationsTest {

	/** Names resolved by the test: one public, one internal (a DNS name pointing inside), one unknown. */
	private static InetAddress[] resolve(String host) throws UnknownHostException {
		return switch (host) {
			case "hooks.example.org" -> new InetAddress[] { InetAddress.getByName("93.184.216.34") };
			case "inside.example.org" -> new InetAddress[] { InetAddress.getByName("93.184.216.34"),
					InetAddress.getByName("10.1.2.3") };
			case "nowhere.example.org" -> throw new UnknownHostException(host);
			default -> InetAddress.getAllByName(host);
		};
	}

	private final Destinations production = new Destinations(false, DestinationsTest::resolve);

	private final Destinations local = new Destinations(true, DestinationsTest::resolve);

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(nullValues = "none", value = {
			"https://hooks.example.org/ciclo, none",
			"http://hooks.example.org:8080/a?b=c, none",
			"https://93.184.216.34/x, none",
			"ftp://hooks.example.org/x, url-scheme",
			"file:///etc/passwd, url-scheme",
			"hooks.example.org/x, url-scheme",
			"https://user:pw@hooks.example.org/x, url-credentials",
			"https://hooks.example.org/x#frag, url-fragment",
			"https://exa mple.org/, url-malformed",
			"http://127.0.0.1:8080/, url-private",
			"http://localhost/, url-private",
			"http://10.0.0.5/, url-private",
			"http://172.16.1.1/, url-private",
			"http://192.168.1.10/, url-private",
			"http://169.254.169.254/latest/meta-data, url-private",
			"http://100.64.0.1/, url-private",
			"http://0.0.0.0/, url-private",
			"http://[::1]/, url-private",
			"http://[fd00::1]/, url-private",
			"http://[fe80::1]/, url-private",
			"http://[::ffff:127.0.0.1]/, url-private",
			"https://inside.example.org/, url-private",
			"https://nowhere.example.org/, url-unresolvable" })
	void productionRefusesWhatLeadsInside(String url, String code) {
		List<Refusal> refusals = production.check(url);

		if (code == null) {
			assertThat(refusals).isEmpty();
		}
		else {
			assertThat(refusals).extracting(Refusal::pointer, Refusal::code)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("/url", code));
		}
	}

	@ParameterizedTest
	@CsvSource({ "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.0.0.5/" })
	void privateAddressesAreAcceptedWhereTheSettingAllowsThem(String url) {
		assertThat(local.check(url)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(value = { "'', required", "'   ', required" })
	void aUrlIsRequired(String url, String code) {
		assertThat(production.check(url)).extracting(Refusal::code).containsExactly(code);
		assertThat(production.check(null)).extracting(Refusal::code).containsExactly("required");
	}

	@org.junit.jupiter.api.Test
	void aUrlIsAtMost2000Characters() {
		String url = "https://hooks.example.org/" + "a".repeat(Destinations.MAX_LENGTH);

		assertThat(production.check(url)).extracting(Refusal::code).containsExactly("url-too-long");
	}
}
