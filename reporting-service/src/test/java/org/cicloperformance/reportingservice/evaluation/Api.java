package org.cicloperformance.reportingservice.evaluation;

import static org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import org.cicloperformance.reportingservice.support.Seed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** A call to the API as one of the test users, its status and its body as JSON (or text). */
record Api(int status, String contentType, String text) {

	static Api call(MockMvc mvc, HttpMethod method, String path, String user, String body, String language)
			throws Exception {
		var call = request(method, path).header(HttpHeaders.AUTHORIZATION, basic(user));
		if (language != null) {
			call.header(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		if (body != null) {
			call.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
		return new Api(response.getStatus(), response.getContentType(),
				response.getContentAsString(StandardCharsets.UTF_8));
	}

	static Api call(MockMvc mvc, HttpMethod method, String path, String user, String body) throws Exception {
		return call(mvc, method, path, user, body, null);
	}

	JsonNode json() {
		return Seed.JSON.readTree(text);
	}

	/** The refusal's first field and reason, "pointer reason". */
	String refusal() {
		JsonNode error = json().path("errors").path(0);
		return error.path("pointer").asString() + " " + error.path("reason").asString();
	}

	long revision() {
		return json().path("scheda").path("revision").asLong();
	}
}
