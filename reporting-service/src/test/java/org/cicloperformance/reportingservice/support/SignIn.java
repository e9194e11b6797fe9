package org.cicloperformance.reportingservice.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signs in to the dashboard through its login form, as a browser does: the page's CSRF token, then the post. */
public final class SignIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private SignIn() {
	}

	/** A session signed in as one of the users of {@code application-test.yml}. */
	public static MockHttpSession as(MockMvc mvc, String username) {
		MvcResult result = attempt(mvc, username, AuthenticatedAsPlanner.PASSWORD);
		MockHttpServletResponse response = result.getResponse();
		if (response.getStatus() != 302 || response.getRedirectedUrl() == null
				|| response.getRedirectedUrl().contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + response.getStatus() + " "
					+ response.getRedirectedUrl());
		}
		return (MockHttpSession) result.getRequest().getSession();
	}

	/** The login form's post with the page's own CSRF token; the result carries the session. */
	public static MvcResult attempt(MockMvc mvc, String username, String password) {
		try {
			MvcResult page = mvc.perform(get("/dashboard/login")).andReturn();
			MockHttpSession session = (MockHttpSession) page.getRequest().getSession();
			return mvc.perform(post("/dashboard/login").session(session).param("username", username)
					.param("password", password).param("_csrf", csrfToken(page.getResponse()))).andReturn();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public static String csrfToken(MockHttpServletResponse page) throws java.io.UnsupportedEncodingException {
		Matcher token = CSRF.matcher(page.getContentAsString(StandardCharsets.UTF_8));
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return token.group(1);
	}
}
