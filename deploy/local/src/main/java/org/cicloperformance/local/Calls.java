package org.cicloperformance.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The launcher's HTTP calls to the services, with its own exception for what stops a step. */
final class Calls {

	private Calls() {
	}

	/** A call as a local user (HTTP Basic), in Italian, with a JSON body when there is one. */
	static HttpRequest request(String user, String method, String url, String body) {
		var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.header("Authorization", LocalUsers.basic(user))
			.header("Accept-Language", "it");
		if (body == null) {
			return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
		}
		return builder.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new StackException("Chiamata non riuscita: " + request.uri(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrotto", e);
		}
	}
}
