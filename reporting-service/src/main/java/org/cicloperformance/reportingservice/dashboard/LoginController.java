package org.cicloperformance.reportingservice.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.cicloperformance.reportingservice.security.Actors;
import org.cicloperformance.reportingservice.security.SecuritySettings;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The dashboard's own sign-in page (the form posts to Spring Security's login filter) and the page of a refusal
 * decided before any controller (a stale form, for instance). Without local users (production) the page says how
 * things stand instead of offering a form that could let nobody in.
 */
@Controller
@Hidden
@RequestMapping("/dashboard")
class LoginController {

	private final boolean localUsers;

	private final Actors actors;

	LoginController(SecuritySettings settings, Actors actors) {
		this.localUsers = !settings.localUsers().isEmpty();
		this.actors = actors;
	}

	@GetMapping("/login")
	String login(Model model, HttpServletRequest request, Locale locale) {
		if (Actors.isIdentified(SecurityContextHolder.getContext().getAuthentication())) {
			return "redirect:/dashboard";
		}
		model.addAttribute("languages", Languages.of(request, locale));
		model.addAttribute("localUsers", localUsers);
		model.addAttribute("error", request.getParameterMap().containsKey("error"));
		model.addAttribute("loggedOut", request.getParameterMap().containsKey("logout"));
		model.addAttribute("expired", request.getParameterMap().containsKey("expired"));
		return "dashboard/login";
	}

	@GetMapping("/forbidden")
	String forbidden(Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("languages", Languages.of(request, locale));
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (Actors.isIdentified(authentication)) {
			model.addAttribute("user", SignedIn.of(actors.of(authentication)));
		}
		return "dashboard/forbidden";
	}
}
