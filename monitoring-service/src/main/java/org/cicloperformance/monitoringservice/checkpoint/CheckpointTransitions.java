package org.cicloperformance.monitoringservice.checkpoint;

import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.OPEN;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.VerdictEntry;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRules.DueIndicator;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointStore.Change;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointView.IndicatorState;
import org.cicloperformance.monitoringservice.outbox.EventSizeLimit;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.plan.VersionInForce;
import org.cicloperformance.monitoringservice.refusal.ConcurrentUpdateException;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every step of the OIV workflow does around its decision: read the checkpoint (a missing document is OPEN),
 * the plan version in force and the latest result versions; let the step decide; write ONE guarded single-document
 * update with its event; on a lost race, read and decide again. Refusals name what is wrong and store nothing.
 */
@Component
class CheckpointTransitions {

	private static final int MAX_ATTEMPTS = 20;

	private final CheckpointStore store;

	private final PlanVersionStore plans;

	private final LatestResults results;

	private final Clock clock;

	private final EventSizeLimit eventSize;

	private final JsonMapper eventMapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.build();

	CheckpointTransitions(CheckpointStore store, PlanVersionStore plans, LatestResults results, Clock clock,
			EventSizeLimit eventSize) {
		this.store = store;
		this.plans = plans;
		this.results = results;
		this.clock = clock;
		this.eventSize = eventSize;
	}

	/** What one decision works on: the plan in force, the checkpoint's document, the due indicators, the results. */
	record Context(PlanVersion plan, CheckpointDocument document, List<DueIndicator> due,
			Map<String, Integer> latestVersions) {
	}

	/** Decides on fresh data and writes; a lost race is decided again. The answer is the checkpoint after it. */
	CheckpointView apply(Actor actor, String planId, String checkpoint, Function<Context, Change> decide) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Context context = load(actor, planId, checkpoint);
			Change change = decide.apply(context);
			if (store.apply(context.document(), change)) {
				return view(actor, planId, checkpoint);
			}
		}
		throw new ConcurrentUpdateException(CheckpointDocument.idOf(planId, checkpoint));
	}

	Context load(Actor actor, String planId, String checkpoint) {
		String entity = actor.entity();
		List<PlanVersion> versions = entity == null || planId == null || planId.isBlank() ? List.of()
				: plans.versionsOf(planId).stream().filter(v -> entity.equals(v.owner())).toList();
		VersionInForce.Resolution resolution = VersionInForce.resolve(versions, checkpoint);
		if (resolution instanceof VersionInForce.UnknownPlan) {
			throw refused("", "plan-unknown", planId);
		}
		if (resolution instanceof VersionInForce.NotReceived notReceived) {
			throw refused("", "plan-version-not-received", planId, notReceived.missing(), checkpoint);
		}
		PlanVersion plan = ((VersionInForce.InForce) resolution).version();
		if (plan.content() == null || !plan.content().hasCheckpoint(checkpoint)) {
			throw refused("", "checkpoint-unknown", checkpoint, planId);
		}
		CheckpointDocument document = store.find(planId, checkpoint)
				.orElseGet(() -> CheckpointDocument.open(planId, plan.owner(), checkpoint));
		Map<String, Integer> latest = results.latestVersions(actor.entity(), planId, checkpoint);
		return new Context(plan, document, CheckpointRules.due(plan.content(), checkpoint), latest);
	}

	static void requireStatus(Context c, CheckpointStatus... allowed) {
		CheckpointStatus status = c.document().status();
		if (!Arrays.asList(allowed).contains(status)) {
			throw refused("", "checkpoint-state", c.document().checkpoint(), c.document().planId(), status,
					Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ")));
		}
	}

	/** The transition's event; refused when it could never be sent (a closing carries every verdict's reason). */
	OutboxEntry outbox(String planId, String eventId, String type, Object event, Instant at) {
		String payload = eventMapper.writeValueAsString(event);
		if (!eventSize.fits(payload)) {
			throw refused("", "event-too-large", eventSize.maxPayloadBytes());
		}
		return new OutboxEntry(eventId, planId, type, payload, at.toEpochMilli());
	}

	static RefusedException refused(String pointer, String code, Object... args) {
		return new RefusedException(Violation.of(pointer, code, args));
	}

	Instant now() {
		return Instant.ofEpochMilli(clock.millis());
	}

	CheckpointView view(Actor actor, String planId, String checkpoint) {
		Context c = load(actor, planId, checkpoint);
		CheckpointDocument d = c.document();
		Set<String> managers = CheckpointRules.managersDue(c.due());
		Set<String> submitted = d.currentSubmissions().keySet();
		List<IndicatorState> indicators = c.due().stream().map(i -> {
			Integer latest = c.latestVersions().get(i.key());
			VerdictEntry v = d.currentVerdict(i.objective(), i.indicator()).orElse(null);
			return new IndicatorState(i.objective(), i.indicator(), i.manager(), i.organisationalArea(), latest,
					v == null ? null : v.verdict(), v == null ? null : v.adjustedAchievement(),
					v == null ? null : v.reason(), v == null ? null : v.resultVersion(),
					CheckpointRules.counts(v, latest));
		}).toList();
		return new CheckpointView(planId, checkpoint, c.plan().version(), d.status(), d.closing(), d.revision(),
				List.copyOf(managers), managers.stream().filter(m -> !submitted.contains(m)).toList(),
				List.copyOf(d.currentSubmissions().values()), indicators, d.verdicts(), d.history());
	}
}
