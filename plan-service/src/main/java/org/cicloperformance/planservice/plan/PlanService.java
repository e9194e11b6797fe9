package org.cicloperformance.planservice.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan lifecycle: a draft is edited, approved into version 1, and then changed only by revisions, each one
 * a new version. Every transition is one guarded single-document write carrying its own outbox event.
 */
@Service
public class PlanService {

	private final PlanRepository plans;

	private final PlanValidator validator = new PlanValidator();

	private final RevisionApplier revisions = new RevisionApplier();

	private final PlanDiff diff;

	private final Clock clock;

	private final EventSizeCheck events;

	private final ScoringPolicies policies;

	PlanService(PlanRepository plans, JsonMapper mapper, Clock clock, EventSizeCheck events,
			ScoringPolicies policies) {
		this.plans = plans;
		this.diff = new PlanDiff(mapper);
		this.clock = clock;
		this.events = events;
		this.policies = policies;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createIndexes() {
		plans.createIndexes();
	}

	public Plan create(PlanContent content, String user) {
		InputBounds.require(content);
		var normalised = normalise(content);
		throwIfInvalid(validator.validate(normalised));
		var now = clock.instant();
		var plan = new Plan(Plan.idOf(normalised.entity(), normalised.year()), normalised.entity(), normalised.year(),
				PlanStatus.DRAFT, 0, normalised, List.of(), List.of(), now, user, now, user);
		if (!plans.insert(plan)) {
			throw new PlanConflictException("exists", false, plan.id());
		}
		return plan;
	}

	/**
	 * A whole plan in one call, approved at once when {@code act} is given. Everything that could refuse the approval
	 * is checked before the draft is stored, so that a refused import leaves nothing behind.
	 */
	public Plan importPlan(PlanContent content, ApprovingAct act, String user) {
		if (act == null) {
			return create(content, user);
		}
		InputBounds.require(content);
		InputBounds.require(act);
		var normalised = normalise(content);
		throwIfInvalid(validator.validate(normalised));
		var draft = new Plan(Plan.idOf(normalised.entity(), normalised.year()), normalised.entity(), normalised.year(),
				PlanStatus.DRAFT, 0, normalised, List.of(), List.of(), clock.instant(), user, clock.instant(), user);
		var version = new PlanVersion(1, normalised, normalised.checkpoints().stream().map(Checkpoint::id).toList(),
				act, null, clock.instant(), user);
		requireSendable(draft, version, OutboxEntry.PLAN_PUBLISHED);
		var plan = create(content, user);
		return approve(plan.id(), act, plan.revision(), user);
	}

	public Plan updateDraft(String id, PlanContent content, Long expectedRevision, String user) {
		var plan = get(id);
		requireStatus(plan, PlanStatus.DRAFT, "notDraft");
		InputBounds.require(content);
		var normalised = normalise(content);
		if (!normalised.entity().equals(plan.entity()) || normalised.year() != plan.year()) {
			throw new InvalidPlanException(List.of(Violation.of("/entity", "plan.identityChanged", plan.entity(),
					plan.year())));
		}
		throwIfInvalid(validator.validate(normalised));
		write(plan, expectedRevision, new Update().set("draft", normalised), user);
		return get(id);
	}

	public Plan approve(String id, ApprovingAct act, Long expectedRevision, String user) {
		var plan = get(id);
		requireStatus(plan, PlanStatus.DRAFT, "alreadyApproved");
		InputBounds.require(act);
		throwIfInvalid(validator.validate(plan.draft()));
		var appliesTo = plan.draft().checkpoints().stream().map(Checkpoint::id).toList();
		var adopted = policies.adopted(plan.entity(), plan.year());
		var content = PolicyAlignment.resolved(plan.draft(), appliesTo, adopted);
		var version = new PlanVersion(1, content, appliesTo, act, null, clock.instant(), user);
		var added = withAlignment(List.of(), version, adopted, user);
		var update = new Update().set("status", PlanStatus.APPROVED).unset("draft");
		write(plan, expectedRevision, pushAll(plan, update, added, OutboxEntry.PLAN_PUBLISHED), user);
		return get(id);
	}

	public Plan revise(String id, Revision revision, Long expectedRevision, String user) {
		var plan = get(id);
		requireStatus(plan, PlanStatus.APPROVED, "notApproved");
		var current = plan.currentVersion().orElseThrow();
		InputBounds.require(revision);
		if (revision.baseVersion() == null) {
			throw new InvalidPlanException(List.of(Violation.of("/baseVersion", "required")));
		}
		if (revision.baseVersion() != current.number()) {
			throw new PlanConflictException("staleBaseVersion", false, revision.baseVersion(), current.number());
		}
		var outcome = revisions.apply(current.content(), revision);
		var violations = new ArrayList<>(outcome.violations());
		if (violations.isEmpty()) {
			violations.addAll(validator.validate(outcome.content()));
		}
		throwIfInvalid(violations);
		int number = current.number() + 1;
		var adopted = policies.adopted(plan.entity(), plan.year());
		var version = new PlanVersion(number,
				PolicyAlignment.resolved(outcome.content(), revision.appliesTo(), adopted), revision.appliesTo(),
				revision.act(), revision, clock.instant(), user);
		var added = withAlignment(plan.versions(), version, adopted, user);
		write(plan, expectedRevision, pushAll(plan, new Update(), added, OutboxEntry.PLAN_REVISED), user);
		return get(id);
	}

	/**
	 * Adds the versions an approved plan of {@code entity} and {@code year} needs after its SMVP changed, each
	 * announced by a {@code PlanRevised} event for the checkpoints it applies to; retried on a concurrent write.
	 *
	 * @return the numbers of the versions added (empty when there is no such plan, or it is aligned already)
	 */
	public List<Integer> alignWithScoringPolicies(String entity, int year, String user) {
		for (int attempt = 1;; attempt++) {
			var plan = plans.findById(Plan.idOf(entity, year));
			if (plan.isEmpty() || plan.get().status() != PlanStatus.APPROVED) {
				return List.of();
			}
			var added = PolicyAlignment.missing(plan.get().versions(), policies.adopted(entity, year),
					clock.instant(), user);
			if (added.isEmpty()) {
				return List.of();
			}
			try {
				write(plan.get(), null, pushAll(plan.get(), new Update(), added, OutboxEntry.PLAN_REVISED), user);
				return added.stream().map(PlanVersion::number).toList();
			}
			catch (PlanConflictException raced) {
				if (attempt == 5) {
					throw raced;
				}
			}
		}
	}

	/** {@code version}, then the versions that align the plan with its SMVP at the checkpoints it leaves behind. */
	private List<PlanVersion> withAlignment(List<PlanVersion> existing, PlanVersion version,
			List<ScoringPolicies.Adopted> adopted, String user) {
		var versions = new ArrayList<>(existing);
		versions.add(version);
		var added = new ArrayList<PlanVersion>();
		added.add(version);
		added.addAll(PolicyAlignment.missing(versions, adopted, clock.instant(), user));
		return added;
	}

	/**
	 * Pushes {@code added} and their events (the first of type {@code firstType}, the others {@code PlanRevised})
	 * in one update, once it is sure that Kafka can take each event.
	 */
	private Update pushAll(Plan plan, Update update, List<PlanVersion> added, String firstType) {
		var versions = new ArrayList<>(plan.versions());
		var events = new ArrayList<OutboxEntry>();
		for (var version : added) {
			var type = events.isEmpty() ? firstType : OutboxEntry.PLAN_REVISED;
			events.add(requireSendable(versions, plan, version, type));
			versions.add(version);
		}
		return update.push("versions").each(added.toArray()).push("outbox").each(events.toArray());
	}

	public Plan get(String id) {
		return plans.findById(id).orElseThrow(() -> new PlanNotFoundException(id));
	}

	public List<Plan> list(String entity, Integer year) {
		return plans.find(entity, year);
	}

	public PlanVersion version(String id, int number) {
		return get(id).version(number).orElseThrow(() -> new PlanConflictException("versionUnknown", false, number));
	}

	public List<PlanDiff.Difference> diff(String id, int from, int to) {
		var plan = get(id);
		var left = plan.version(from).orElseThrow(() -> new PlanConflictException("versionUnknown", false, from));
		var right = plan.version(to).orElseThrow(() -> new PlanConflictException("versionUnknown", false, to));
		return diff.between(left.content(), right.content());
	}

	/** Validates without storing anything: lets a planner check an import before sending it. */
	public List<Violation> check(PlanContent content) {
		var outOfBounds = InputBounds.check(content);
		if (!outOfBounds.isEmpty()) {
			return outOfBounds; // the validator's sums must never see an unbounded number
		}
		return validator.validate(normalise(content));
	}

	private void write(Plan plan, Long expectedRevision, Update update, String user) {
		if (expectedRevision != null && expectedRevision != plan.revision()) {
			throw new PlanConflictException("stale", true, expectedRevision, plan.revision());
		}
		Instant now = clock.instant();
		if (!plans.update(plan.id(), plan.revision(), update.set("updatedAt", now).set("updatedBy", user))) {
			throw new PlanConflictException("concurrentWrite", true, plan.revision());
		}
	}

	/** The outbox entry announcing {@code version}, once it is sure that Kafka can take its event. */
	private OutboxEntry requireSendable(Plan plan, PlanVersion version, String type) {
		return requireSendable(plan.versions(), plan, version, type);
	}

	private OutboxEntry requireSendable(List<PlanVersion> before, Plan plan, PlanVersion version, String type) {
		var event = new OutboxEntry(UUID.randomUUID().toString(), type, version.number(), clock.instant());
		var versions = new ArrayList<>(before);
		versions.add(version);
		events.requireSendable(new Plan(plan.id(), plan.entity(), plan.year(), PlanStatus.APPROVED, plan.revision(), null,
				versions, List.of(), plan.createdAt(), plan.createdBy(), plan.updatedAt(), plan.updatedBy()), event);
		return event;
	}

	private static void requireStatus(Plan plan, PlanStatus status, String code) {
		if (plan.status() != status) {
			throw new PlanConflictException(code, false, plan.id());
		}
	}

	private static void throwIfInvalid(List<Violation> violations) {
		if (!violations.isEmpty()) {
			throw new InvalidPlanException(violations);
		}
	}

	/** The policy is stored complete, so that every later score can name exactly the parameters it used. */
	private static PlanContent normalise(PlanContent content) {
		if (content == null) {
			throw new InvalidPlanException(List.of(Violation.of("", "required")));
		}
		var policy = content.scoringPolicy() == null ? ScoringPolicy.defaults() : content.scoringPolicy().withDefaults();
		return content.withScoringPolicy(policy.withoutSmvp());
	}
}
