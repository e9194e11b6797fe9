package org.cicloperformance.reportingservice.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.cicloperformance.reportingservice.security.Access;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every dashboard page's layout shows: the language switch and the signed-in user. */
@ControllerAdvice(assignableTypes = { DashboardController.class, ResultEntryController.class,
		EvaluationController.class, PayPagesController.class })
class DashboardModel {

	private final Access access;

	DashboardModel(Access access) {
		this.access = access;
	}

	@ModelAttribute("languages")
	List<Languages.Language> languages(HttpServletRequest request, Locale locale) {
		return Languages.of(request, locale);
	}

	@ModelAttribute("user")
	SignedIn user() {
		return SignedIn.of(access.current());
	}
}
