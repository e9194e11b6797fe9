package org.cicloperformance.planservice.smvp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cicloperformance.planservice.plan.InputBounds;
import org.cicloperformance.planservice.plan.PlanDiff;
import org.cicloperformance.planservice.plan.PlanService;
import org.cicloperformance.planservice.plan.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMVP's lifecycle: version 1 is adopted, every change is a new version (never an overwrite), and each version
 * is handed at once to the plan of its entity and year, which publishes the plan versions that apply it.
 */
@Service
public class SmvpService {

	private static final Logger log = LoggerFactory.getLogger(SmvpService.class);

	/** What a published plan version says of a new SMVP version: the plan versions that apply it. */
	public record Outcome(SmvpVersion version, List<Integer> planVersions) {
	}

	private final SmvpStore store;

	private final PlanService plans;

	private final PlanDiff diff;

	private final Clock clock;

	SmvpService(SmvpStore store, PlanService plans, JsonMapper mapper, Clock clock) {
		this.store = store;
		this.plans = plans;
		this.diff = new PlanDiff(mapper);
		this.clock = clock;
	}

	/**
	 * Indexes, then the alignment of every plan with its SMVP: a version stored just before a crash (or whose plan
	 * write lost every race) is applied to its plan at the next start.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		store.createIndexes();
		for (var first : store.allFirstVersions()) {
			align(first.entity(), first.year(), "smvp");
		}
	}

	public Outcome create(SmvpRequest request, String user) {
		requireValid(request, () -> SmvpValidator.first(request));
		var smvpId = SmvpVersion.smvpIdOf(request.entity(), request.year());
		var version = version(smvpId, request.entity(), request.year(), 1, request, user);
		if (!store.insert(version)) {
			throw new SmvpConflictException("smvpExists", smvpId);
		}
		return new Outcome(version, align(version.entity(), version.year(), user));
	}

	public Outcome addVersion(String smvpId, SmvpRequest request, String user) {
		var current = current(smvpId);
		requireValid(request, () -> SmvpValidator.next(request, current.entity(), current.year()));
		if (request.baseVersion() != current.number()) {
			throw new SmvpConflictException("smvpStaleBaseVersion", request.baseVersion(), current.number());
		}
		var version = version(smvpId, current.entity(), current.year(), current.number() + 1, request, user);
		if (!store.insert(version)) {
			throw new SmvpConflictException("smvpConcurrentVersion", version.number());
		}
		return new Outcome(version, align(version.entity(), version.year(), user));
	}

	/** The first version of each SMVP of an entity (optionally of one year). */
	public List<SmvpVersion> list(String entity, Integer year) {
		return store.firstVersions(entity, year);
	}

	/** Every version of an SMVP, oldest first; never empty. */
	public List<SmvpVersion> versions(String smvpId) {
		var versions = store.versions(smvpId);
		if (versions.isEmpty()) {
			throw new SmvpNotFoundException(smvpId);
		}
		return versions;
	}

	public SmvpVersion version(String smvpId, int number) {
		return store.version(smvpId, number).orElseThrow(() -> new SmvpNotFoundException(smvpId + "#" + number));
	}

	/** What changed from version {@code from} to version {@code to}, leaf by leaf, like plan versions. */
	public List<PlanDiff.Difference> diff(String smvpId, int from, int to) {
		return diff.betweenDocuments(SmvpDocument.of(version(smvpId, from)), SmvpDocument.of(version(smvpId, to)));
	}

	private SmvpVersion current(String smvpId) {
		var versions = versions(smvpId);
		return versions.get(versions.size() - 1);
	}

	private SmvpVersion version(String smvpId, String entity, int year, int number, SmvpRequest request,
			String user) {
		var title = request.title() == null || request.title().isBlank()
				? "Sistema di misurazione e valutazione della performance " + year : request.title();
		return new SmvpVersion(SmvpVersion.idOf(smvpId, number), smvpId, entity, year, number, title,
				request.rules().withDefaults(), request.qualitativeScale(), request.act(),
				number == 1 ? null : request.appliesFrom(), request.reason(), clock.instant(), user,
				request.evaluation());
	}

	/** Plan-side failures never undo an adopted version: the next start-up aligns the plan again. */
	private List<Integer> align(String entity, int year, String user) {
		try {
			return plans.alignWithScoringPolicies(entity, year, user);
		}
		catch (RuntimeException e) {
			log.warn("Plan {}-{} not yet aligned with its SMVP (retried at the next start-up): {}", entity, year,
					e.toString());
			return List.of();
		}
	}

	private static void requireValid(SmvpRequest request, java.util.function.Supplier<List<Violation>> rules) {
		if (request == null) {
			throw new InvalidSmvpException(List.of(Violation.of("", "required")));
		}
		var violations = new ArrayList<>(InputBounds.check(request));
		if (violations.isEmpty()) {
			violations.addAll(rules.get());
		}
		if (!violations.isEmpty()) {
			throw new InvalidSmvpException(violations);
		}
	}
}
