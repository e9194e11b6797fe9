package org.cicloperformance.reportingservice.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * One attempt of one delivery: a POST of the body with its signature, on the JDK's HTTP client, with a connect
 * and a request timeout; redirects are not followed (a receiver moved elsewhere is re-registered). Any 2xx answer
 * is a success; anything else, or no answer in time, is a failure with its reason. The answer's body is ignored.
 */
@Component
class WebhookSender {

	static final String USER_AGENT = "ciclo-performance-webhooks/1";

	private final HttpClient client;

	private final WebhookSettings settings;

	private final Destinations destinations;

	private final Clock clock;

	WebhookSender(WebhookSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.destinations = new Destinations(settings.allowPrivateAddresses());
		this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
				.followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
	}

	Delivery.Attempt send(WebhookSubscriptions.Active subscription, Delivery delivery, String body) {
		Instant at = clock.instant();
		long started = System.nanoTime();
		int attempt = delivery.attempts();
		URI uri = URI.create(subscription.subscription().url());
		String refused = destinations.refusedAddress(uri.getHost());
		if (refused != null) {
			return new Delivery.Attempt(attempt, at, null, refused, 0);
		}
		long timestamp = at.getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
				.header("Content-Type", "application/json; charset=utf-8").header("User-Agent", USER_AGENT)
				.header("X-Ciclo-Event-Id", delivery.eventId()).header("X-Ciclo-Event-Type", delivery.eventType())
				.header("X-Ciclo-Delivery", delivery.id()).header("X-Ciclo-Webhook", delivery.subscriptionId())
				.header("X-Ciclo-Attempt", Integer.toString(attempt))
				.header(Signatures.TIMESTAMP_HEADER, Long.toString(timestamp))
				.header(Signatures.SIGNATURE_HEADER, Signatures.sign(subscription.secret(), timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
		try {
			int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			long millis = (System.nanoTime() - started) / 1_000_000;
			return new Delivery.Attempt(attempt, at, status, status >= 200 && status < 300 ? null : "http-" + status,
					millis);
		}
		catch (HttpTimeoutException e) {
			return new Delivery.Attempt(attempt, at, null, "timeout", (System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException e) {
			return new Delivery.Attempt(attempt, at, null, "io: " + bounded(e.getMessage()),
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Delivery.Attempt(attempt, at, null, "interrupted", (System.nanoTime() - started) / 1_000_000);
		}
	}

	private static String bounded(String message) {
		String text = message == null ? "connection failed" : message;
		return text.length() > 300 ? text.substring(0, 300) : text;
	}
}
