package org.cicloperformance.reportingservice.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cicloperformance.reportingservice.dashboard.EntryPages.ErrorLink;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Violation;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action;
import org.cicloperformance.reportingservice.evaluation.store.SchedaDocument;
import org.cicloperformance.reportingservice.evaluation.store.SchedaRefused;
import org.cicloperformance.reportingservice.evaluation.store.Schede;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.security.Role;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The schede di valutazione in the dashboard (issue 16): the evaluator starts, rates and moves a scheda, the manager
 * reads their own and acknowledges it or asks for a review, through the same services as the API's
 * {@code SchedaController} ({@link Schede}): its refusals come back next to the fields their pointers name, with an
 * error summary; a refusal of the reader's role is the refusal page, a scheda the reader may not see is not found.
 */
@Controller
@Hidden
@RequestMapping("/dashboard/plans/{planId}/schede")
class EvaluationController {

	/** Form parameters taken from a submission (a level and a reason per behaviour, and a few more). */
	private static final int MAX_PARAMETERS = 120;

	private final EvaluationPages pages;

	private final Schede schede;

	private final Access access;

	EvaluationController(EvaluationPages pages, Schede schede, Access access) {
		this.pages = pages;
		this.schede = schede;
		this.access = access;
	}

	/** The managers and their schede; a manager goes to their own. */
	@GetMapping
	String list(@PathVariable String planId, Model model, HttpServletRequest request) {
		PlanScope scope = access.plan(planId);
		if (!scope.schede() && scope.actor().hasAnyRole(Role.MANAGER) && scope.actor().manager() != null) {
			return "redirect:" + EvaluationPages.schedaHref(planId, scope.actor().manager());
		}
		scope.require(scope.schede());
		return list(planId, scope, model, request, List.of());
	}

	@PostMapping
	String create(@PathVariable String planId, @RequestParam(required = false) String manager,
			@RequestParam(required = false) String group, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		PlanScope scope = access.plan(planId);
		scope.require(evaluator(scope));
		RoleGroup roleGroup = RoleGroup.SEGRETARIO_GENERALE.name().equals(group) ? RoleGroup.SEGRETARIO_GENERALE
				: RoleGroup.DIRIGENTE;
		try {
			schede.create(scope.actor(), planId, manager, roleGroup);
		}
		catch (SchedaRefused refused) {
			response.setStatus(status(refused));
			return list(planId, scope, model, request, links(refused, p -> null));
		}
		redirect.addFlashAttribute("sent", pages.text("evaluation.sent.created"));
		return "redirect:" + EvaluationPages.schedaHref(planId, manager);
	}

	@GetMapping("/{managerId}")
	String scheda(@PathVariable String planId, @PathVariable String managerId, Model model,
			HttpServletRequest request) {
		PlanScope scope = access.plan(planId);
		scope.require(scope.scheda(managerId));
		SchedaDocument d = read(planId, managerId, scope);
		model.addAttribute("scope", scope);
		model.addAttribute("page", pages.page(d, request.getRequestURI(), scope, Map.of(), List.of(),
				(String) model.asMap().get("sent")));
		return "dashboard/scheda";
	}

	@PostMapping("/{managerId}/ratings")
	String rate(@PathVariable String planId, @PathVariable String managerId,
			@RequestParam Map<String, String> parameters, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		PlanScope scope = access.plan(planId);
		scope.require(evaluator(scope));
		Map<String, String> typed = typed(parameters);
		List<String> codes = new ArrayList<>();
		try {
			schede.rate(scope.actor(), planId, managerId, revision(typed),
					pages.ratings(read(planId, managerId, scope), typed, codes));
		}
		catch (SchedaRefused refused) {
			return refusedOn(planId, managerId, scope, typed, refused, fieldOfRating(codes), model, request,
					response);
		}
		redirect.addFlashAttribute("sent", pages.text("evaluation.sent.rated"));
		return "redirect:" + EvaluationPages.schedaHref(planId, managerId);
	}

	@PostMapping("/{managerId}/transitions")
	String move(@PathVariable String planId, @PathVariable String managerId,
			@RequestParam Map<String, String> parameters, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		PlanScope scope = access.plan(planId);
		scope.require(scope.scheda(managerId)
				&& scope.actor().hasAnyRole(Role.EVALUATOR, Role.OIV, Role.MANAGER));
		Map<String, String> typed = typed(parameters);
		Action action = action(typed.get("action"));
		String reason = typed.getOrDefault("reason", "").strip();
		try {
			schede.move(scope.actor(), planId, managerId, action, revision(typed), reason.isEmpty() ? null : reason);
		}
		catch (SchedaRefused refused) {
			return refusedOn(planId, managerId, scope, typed, refused,
					pointer -> pointer.equals("/reason") ? "transition-reason" : null, model, request, response);
		}
		redirect.addFlashAttribute("sent", pages.text("evaluation.sent." + action));
		return "redirect:" + EvaluationPages.schedaHref(planId, managerId);
	}

	private String list(String planId, PlanScope scope, Model model, HttpServletRequest request,
			List<ErrorLink> errors) {
		model.addAttribute("scope", scope);
		model.addAttribute("page", pages.list(planId, request.getRequestURI().replaceAll("/+$", ""), scope, errors,
				(String) model.asMap().get("sent")));
		return "dashboard/schede";
	}

	/** The scheda again, as typed, with the refusal next to its fields; the reader's role refused is a 403 page. */
	private String refusedOn(String planId, String managerId, PlanScope scope, Map<String, String> typed,
			SchedaRefused refused, Function<String, String> fieldOf, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		int status = status(refused);
		SchedaDocument d = read(planId, managerId, scope);
		response.setStatus(status);
		String path = request.getRequestURI().replaceAll("/(ratings|transitions)$", "");
		model.addAttribute("scope", scope);
		model.addAttribute("page", pages.page(d, path, scope, typed, links(refused, fieldOf), null));
		return "dashboard/scheda";
	}

	/** As the API: the roles that may create and rate are checked before the form is read. */
	private static boolean evaluator(PlanScope scope) {
		return scope.actor().hasAnyRole(Role.EVALUATOR, Role.OIV);
	}

	private SchedaDocument read(String planId, String managerId, PlanScope scope) {
		try {
			return pages.scheda(planId, managerId, scope);
		}
		catch (SchedaRefused refused) {
			status(refused);
			throw new NotFoundException("notFound.scheda", managerId, planId);
		}
	}

	/** The status of a refusal shown on the form; FORBIDDEN and NOT_FOUND leave the form for their pages. */
	private static int status(SchedaRefused refused) {
		return switch (refused.kind()) {
			case FORBIDDEN -> throw new AccessDeniedException("scheda: " + refused.getMessage());
			case NOT_FOUND -> throw new NotFoundException("notFound.schedaMissing");
			case CONFLICT -> 409;
			case INVALID -> 422;
		};
	}

	private List<ErrorLink> links(SchedaRefused refused, Function<String, String> fieldOf) {
		List<ErrorLink> out = new ArrayList<>();
		for (Violation v : refused.violations()) {
			String[] parts = v.reason().split(":", 2);
			String field = parts[0].equals("behaviour-not-rated") && parts.length > 1 ? "level-" + parts[1]
					: fieldOf.apply(v.pointer());
			out.add(new ErrorLink(field, pages.text("evaluation.reason." + parts[0], parts.length > 1 ? parts[1] : "")));
		}
		return out;
	}

	/** {@code /ratings/i/level} (or its behaviour) is the behaviour's radio group, {@code /ratings/i/reason} its reason. */
	private static Function<String, String> fieldOfRating(List<String> codes) {
		return pointer -> {
			String[] parts = pointer.split("/");
			if (parts.length == 4 && parts[1].equals("ratings") && parts[2].matches("[0-9]{1,3}")
					&& Integer.parseInt(parts[2]) < codes.size()) {
				String code = codes.get(Integer.parseInt(parts[2]));
				return (parts[3].equals("reason") ? "reason-" : "level-") + code;
			}
			return null;
		};
	}

	private static Map<String, String> typed(Map<String, String> parameters) {
		Map<String, String> typed = new HashMap<>();
		parameters.entrySet().stream().limit(MAX_PARAMETERS).forEach(e -> typed.put(e.getKey(), e.getValue()));
		return typed;
	}

	private static Long revision(Map<String, String> typed) {
		try {
			return Long.valueOf(typed.getOrDefault("revision", "").strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static Action action(String name) {
		try {
			return name == null ? null : Action.valueOf(name);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
