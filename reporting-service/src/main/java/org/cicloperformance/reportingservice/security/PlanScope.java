package org.cicloperformance.reportingservice.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.util.UriUtils;

/**
 * What one actor may read of one plan of its own entity. The rules read the plan itself: which objectives a
 * manager has and in which organisational areas they are. A scope covers every version of the plan, or, through
 * {@link #at(String)}, the version in force at one checkpoint (a revision may give an objective to another
 * manager from a checkpoint on).
 *
 * <ul>
 * <li>PLANNER, OIV, VIEWER: everything, the monitoring report included; PLANNER and OIV also the HR feed.</li>
 * <li>MANAGER: their own scorecard, the organisational areas of their objectives, and the objectives (with their
 * indicators) of those areas: the area's page shows them all.</li>
 * <li>AREA_OFFICE: its organisational areas, their objectives and indicators.</li>
 * <li>HR: the HR feed (and the pay table, the transparency data and the FINAL schede of issue 16).</li>
 * <li>EVALUATOR: the schede di valutazione (issue 16), nothing else.</li>
 * </ul>
 * Pay figures (band, payout, incentive funds) are HR feed data: on a scorecard only readers of the HR feed see
 * them, and a MANAGER their own.
 */
public final class PlanScope {

	private static final Pattern PAGE = Pattern.compile("/dashboard/plans/([^/?#]+)(/[^?#]*)?");

	private final Actor actor;

	private final String planId;

	private final List<Version> versions;

	private final Set<String> objectivesOfManager = new HashSet<>();

	private final Set<String> areasOfManager = new HashSet<>();

	private final Set<String> objectivesOfAreas = new HashSet<>();

	private final Set<String> objectivesOfManagerAreas = new HashSet<>();

	private final Set<String> managers = new HashSet<>();

	/** A stored plan version with its scoring view (cached by {@code PlanVersions}). */
	record Version(PlanVersionFact fact, ScoringPlan plan) {
	}

	PlanScope(Actor actor, String planId, List<Version> versions) {
		this.actor = actor;
		this.planId = planId;
		this.versions = List.copyOf(versions);
		for (Version version : this.versions) {
			for (ScoringPlan.Objective objective : version.plan().objectives()) {
				if (actor.isManager(objective.manager())) {
					objectivesOfManager.add(objective.code());
					if (objective.organisationalArea() != null) {
						areasOfManager.add(objective.organisationalArea());
					}
				}
				if (objective.organisationalArea() != null && actor.hasAnyRole(Role.AREA_OFFICE)
						&& actor.areas().contains(objective.organisationalArea())) {
					objectivesOfAreas.add(objective.code());
				}
			}
			version.plan().managers().forEach(m -> managers.add(m.id()));
		}
		for (Version version : this.versions) {
			for (ScoringPlan.Objective objective : version.plan().objectives()) {
				if (objective.organisationalArea() != null && areasOfManager.contains(objective.organisationalArea())) {
					objectivesOfManagerAreas.add(objective.code());
				}
			}
		}
	}

	public Actor actor() {
		return actor;
	}

	public String planId() {
		return planId;
	}

	/** The scope at one checkpoint: the plan version in force there (the highest that applies to it). */
	public PlanScope at(String checkpoint) {
		Optional<Version> inForce = versions.stream().filter(v -> v.fact().appliesTo(checkpoint))
				.max(Comparator.comparingInt(v -> v.fact().version()));
		return inForce.map(v -> new PlanScope(actor, planId, List.of(v))).orElse(this);
	}

	// --- the rules ---

	private boolean readsEverything() {
		return actor.hasAnyRole(Role.PLANNER, Role.OIV, Role.VIEWER);
	}

	/** The entity overview, the score tree and the nodes above operational objectives. */
	public boolean overview() {
		return readsEverything();
	}

	/**
	 * The monitoring report (PDF, HTML): it holds every manager's scores and arithmetic, the whole score tree, so it
	 * follows the overview's rule; a manager reads their own part on their scorecard, an area office its areas.
	 */
	public boolean report() {
		return overview();
	}

	public boolean hrFeed() {
		return actor.hasAnyRole(Role.PLANNER, Role.OIV, Role.HR);
	}

	/**
	 * The schede di valutazione of the plan (issue 16), list and each one: PLANNER, OIV, EVALUATOR all, HR the FINAL
	 * ones (the services filter by state); a MANAGER only their own ({@link #scheda(String)}).
	 */
	public boolean schede() {
		return actor.hasAnyRole(Role.PLANNER, Role.OIV, Role.EVALUATOR, Role.HR);
	}

	public boolean scheda(String managerId) {
		return schede() || (actor.hasAnyRole(Role.MANAGER) && actor.isManager(managerId));
	}

	/** Band, payout and incentive funds of one manager, wherever they are shown. */
	public boolean pay(String managerId) {
		return hrFeed() || actor.isManager(managerId);
	}

	public boolean manager(String managerId) {
		return readsEverything() || actor.isManager(managerId);
	}

	public boolean area(String code) {
		return readsEverything() || (actor.hasAnyRole(Role.AREA_OFFICE) && actor.areas().contains(code))
				|| areasOfManager.contains(code);
	}

	public boolean objective(String code) {
		return readsEverything() || objectivesOfAreas.contains(code) || objectivesOfManager.contains(code)
				|| objectivesOfManagerAreas.contains(code);
	}

	/** A node of the trend API: {@code entity}, {@code strategic-area}, …, {@code manager}, {@code area}. */
	public boolean node(String kind, String code) {
		return switch (kind) {
			case "objective" -> objective(code);
			case "indicator" -> objective(code.contains("/") ? code.substring(0, code.indexOf('/')) : code);
			case "manager" -> manager(code);
			case "area" -> area(code);
			default -> overview();
		};
	}

	/** Whether anything of this plan is readable at all (the plan appears in lists and in the selector). */
	public boolean anything() {
		return home().isPresent();
	}

	/**
	 * The page this actor opens a plan on: the overview for those who read everything, else their scorecard, their
	 * first organisational area, or the HR feed.
	 */
	public Optional<String> home() {
		String base = "/dashboard/plans/" + segment(planId);
		if (readsEverything()) {
			return Optional.of(base);
		}
		if (actor.hasAnyRole(Role.MANAGER) && actor.manager() != null && managers.contains(actor.manager())) {
			return Optional.of(base + "/managers/" + segment(actor.manager()));
		}
		if (actor.hasAnyRole(Role.AREA_OFFICE)) {
			Optional<String> area = latest().flatMap(v -> v.plan().organisationalAreas().stream()
					.map(ScoringPlan.OrganisationalArea::code).filter(actor.areas()::contains).findFirst());
			if (area.isPresent()) {
				return Optional.of(base + "/areas/" + segment(area.get()));
			}
		}
		if (actor.hasAnyRole(Role.EVALUATOR)) {
			return Optional.of(base + "/schede");
		}
		if (hrFeed()) {
			return Optional.of(base + "/hr-feed");
		}
		return Optional.empty();
	}

	/**
	 * Whether a dashboard address (as the pages link it, with or without query) is one this actor may open: the
	 * pages hide the links that would only lead to a refusal, and the live-update stream follows its page's rule.
	 */
	public boolean allows(String href) {
		int start = href == null ? -1 : href.indexOf("/dashboard/plans/");
		if (start < 0) {
			return false;
		}
		Matcher page = PAGE.matcher(href.substring(start));
		if (!page.lookingAt() || !planId.equals(decode(page.group(1)))) {
			return false;
		}
		String rest = page.group(2) == null ? "" : page.group(2);
		List<String> parts = new ArrayList<>();
		for (String part : rest.split("/")) {
			if (!part.isEmpty()) {
				parts.add(decode(part));
			}
		}
		if (parts.isEmpty()) {
			return overview();
		}
		return switch (parts.get(0)) {
			case "hr-feed", "hr-feed.csv" -> parts.size() == 1 && hrFeed();
			case "report.pdf" -> parts.size() == 1 && report();
			case "managers" -> parts.size() == 2 && manager(parts.get(1));
			case "areas" -> parts.size() == 2 && area(parts.get(1));
			case "objectives" -> parts.size() == 2 && objective(parts.get(1));
			case "indicators" -> parts.size() == 3 && objective(parts.get(1));
			// the area office's result entry: its list, and the form of an objective of its areas
			case "entry" -> actor.hasAnyRole(Role.AREA_OFFICE) && !actor.areas().isEmpty()
					&& (parts.size() == 1 || parts.size() == 3 && objectivesOfAreas.contains(parts.get(1)));
			case "alerts", "completion" -> parts.size() == 1 && overview();
			// issue 16: the schede (a manager's list is their own scheda), the pay table and transparency data
			case "schede" -> parts.size() == 1 ? schede() || actor.hasAnyRole(Role.MANAGER)
					: parts.size() == 2 && scheda(parts.get(1));
			case "pay", "pay.csv" -> parts.size() == 1 && hrFeed();
			case "transparency" -> parts.size() <= 2 && hrFeed();
			default -> false;
		};
	}

	// --- refusals ---

	public void require(boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("not in scope of " + actor.username() + ": " + planId);
		}
	}

	public void requireOverview() {
		require(overview());
	}

	public void requireReport() {
		require(report());
	}

	public void requireHrFeed() {
		require(hrFeed());
	}

	public void requireManager(String managerId) {
		require(manager(managerId));
	}

	public void requireArea(String code) {
		require(area(code));
	}

	public void requireObjective(String code) {
		require(objective(code));
	}

	/** The plan's year, as its checkpoints say (for ordering plans, newest first). */
	Integer year() {
		return latest().flatMap(v -> v.plan().checkpoints().stream().map(c -> c.date())
				.filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())).map(d -> d.getYear()).orElse(null);
	}

	java.time.Instant lastReceived() {
		return latest().map(v -> v.fact().receivedAt()).orElse(null);
	}

	private Optional<Version> latest() {
		return versions.stream().max(Comparator.comparingInt(v -> v.fact().version()));
	}

	private static String segment(String value) {
		return UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String decode(String value) {
		return UriUtils.decode(value, java.nio.charset.StandardCharsets.UTF_8);
	}
}
