package org.cicloperformance.reportingservice.dashboard;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * monitoring-service's result API as the dashboard's result entry uses it: the same {@code POST /api/results}
 * (area scope, checkpoint gate, idempotency, the same refusals) and evidence upload the offices' systems call,
 * as the signed-in user. The dashboard keeps no write path of its own to monitoring's store.
 */
@Component
class MonitoringResults {

	/** What monitoring answered. */
	sealed interface Outcome {
	}

	/** Recorded (201, or the first answer again for a repeated idempotency key). */
	record Accepted(int resultVersion) implements Outcome {
	}

	/** Refused, with monitoring's errors (its JSON pointers and its messages in the reader's language). */
	record Refused(int status, String detail, List<Refusal> errors) implements Outcome {
	}

	/** No answer (down, timeout): nothing known to be stored; the same idempotency key makes a retry safe. */
	record Unavailable() implements Outcome {
	}

	record Refusal(String pointer, String code, String message) {
	}

	private final RestClient client;

	private final JsonMapper json;

	MonitoringResults(ResultEntrySettings settings, JsonMapper json) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
		var requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(settings.timeout());
		this.client = RestClient.builder().baseUrl(settings.monitoringUrl().toString()).requestFactory(requests)
				.build();
		this.json = json;
	}

	Outcome record(SignInCredentials.Basic user, Map<String, Object> request, String idempotencyKey, Locale locale) {
		try {
			return client.post().uri("/api/results").header(HttpHeaders.AUTHORIZATION, user.header())
					.header("Idempotency-Key", idempotencyKey)
					.header(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag())
					.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(request))
					.exchange((req, response) -> outcome(response.getStatusCode().value(),
							new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (RestClientException unreachable) {
			return new Unavailable();
		}
	}

	Outcome attach(SignInCredentials.Basic user, List<String> target, String fileName, String contentType,
			byte[] bytes, String description, Locale locale) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}).contentType(contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType));
		if (description != null && !description.isBlank()) {
			body.part("description", description);
		}
		try {
			return client.post().uri("/api/results/{plan}/{objective}/{indicator}/{checkpoint}/evidence",
					target.toArray()).header(HttpHeaders.AUTHORIZATION, user.header())
					.header(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag())
					.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
					.exchange((req, response) -> outcome(response.getStatusCode().value(),
							new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (RestClientException | IllegalArgumentException unreachable) {
			return new Unavailable();
		}
	}

	private Outcome outcome(int status, String body) {
		JsonNode answer = readable(body);
		if (status >= 200 && status < 300) {
			return new Accepted(answer.path("resultVersion").asInt(0));
		}
		List<Refusal> errors = new ArrayList<>();
		answer.path("errors").forEach(e -> errors.add(new Refusal(e.path("pointer").asString(""),
				e.path("code").asString(""), e.path("message").asString(""))));
		return new Refused(status, answer.path("detail").asString(""), errors);
	}

	private JsonNode readable(String body) {
		try {
			return json.readTree(body == null || body.isBlank() ? "{}" : body);
		}
		catch (RuntimeException notJson) {
			return json.createObjectNode();
		}
	}
}
