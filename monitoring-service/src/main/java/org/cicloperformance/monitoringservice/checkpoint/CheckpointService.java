package org.cicloperformance.monitoringservice.checkpoint;

import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.CLOSED;
import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.OPEN;
import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.SUBMITTED;
import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.UNDER_REVIEW;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Submission;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Transition;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.VerdictEntry;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.CheckpointClosed;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.CheckpointReopened;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.CheckpointReviewStarted;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.CheckpointSubmitted;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.FinalVerdict;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.VerdictRecorded;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRequests.ReopeningRequest;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRequests.SubmissionRequest;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRequests.VerdictRequest;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRules.DueIndicator;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointStore.Change;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointView.IndicatorState;
import org.cicloperformance.monitoringservice.outbox.EventSizeLimit;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.VersionInForce;
import org.cicloperformance.monitoringservice.result.InputBounds;
import org.cicloperformance.monitoringservice.result.RecordedResult;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.result.ResultService;
import org.cicloperformance.monitoringservice.result.ResultService.ConcurrentResultUpdateException;
import org.cicloperformance.monitoringservice.result.Violation;
import org.cicloperformance.monitoringservice.result.web.RefusedException;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Service;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OIV validation workflow of one plan's checkpoint. Each transition reads the checkpoint (a missing document is
 * OPEN), the plan version in force and the latest results, decides, and writes ONE guarded single-document update
 * with its event; a lost race is retried on fresh data. Refusals name what is wrong and store nothing.
 */
@Service
public class CheckpointService {

	private static final int MAX_ATTEMPTS = 20;

	private static final BigDecimal ONE = BigDecimal.ONE;

	private final CheckpointStore store;

	private final ResultService results;

	private final Clock clock;

	private final JsonMapper eventMapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.build();

	private final EventSizeLimit eventSize;

	CheckpointService(CheckpointStore store, ResultService results, Clock clock, EventSizeLimit eventSize) {
		this.store = store;
		this.results = results;
		this.clock = clock;
		this.eventSize = eventSize;
	}

	/** What one decision works on: the plan in force, the checkpoint's document, the due indicators, the results. */
	private record Context(PlanVersion plan, CheckpointDocument document, List<DueIndicator> due,
			Map<String, Integer> latestVersions) {
	}

	public CheckpointView view(Actor actor, String planId, String checkpoint) {
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

	/** A manager submits the results of their objectives; the last manager due makes the checkpoint SUBMITTED. */
	public CheckpointView submit(Actor actor, String planId, String checkpoint, SubmissionRequest request) {
		return transition(actor, planId, checkpoint, c -> {
			refuseOutOfBounds(submissionBounds(request));
			String manager = actor.manager();
			Set<String> due = CheckpointRules.managersDue(c.due());
			if (request.manager() != null && !request.manager().equals(manager)) {
				throw refused("/manager", "manager-forbidden", request.manager());
			}
			if (manager == null || !due.contains(manager)) {
				throw refused("", "manager-not-due", manager == null ? "" : manager, checkpoint);
			}
			if (request.commentary() == null || request.commentary().isBlank()) {
				throw refused("/commentary", "required");
			}
			List<String> proposals = request.proposals() == null ? List.of()
					: request.proposals().stream().filter(p -> p != null && !p.isBlank()).toList();
			requireStatus(c, OPEN, SUBMITTED);
			CheckpointDocument d = c.document();
			Instant now = now();
			Submission submission = new Submission(manager, actor.username(), now, request.commentary(), proposals);
			Set<String> submitted = new java.util.HashSet<>(d.currentSubmissions().keySet());
			submitted.add(manager);
			CheckpointStatus next = d.status() == OPEN && submitted.containsAll(due) ? SUBMITTED : d.status();
			Transition transition = next == d.status() ? null
					: new Transition(d.status(), next, actor.username(), now, null, null);
			String eventId = UUID.randomUUID().toString();
			CheckpointSubmitted event = new CheckpointSubmitted(CheckpointSubmitted.TYPE, eventId, planId, d.entity(),
					checkpoint, next, now, actor.username(), manager, request.commentary(), proposals);
			return new Change(next, d.closing(), submission, null, transition, outbox(planId, eventId,
					CheckpointSubmitted.TYPE, event, now));
		});
	}

	/** The OIV starts the review of a submitted checkpoint. */
	public CheckpointView startReview(Actor actor, String planId, String checkpoint) {
		return transition(actor, planId, checkpoint, c -> {
			requireStatus(c, SUBMITTED);
			CheckpointDocument d = c.document();
			Instant now = now();
			String eventId = UUID.randomUUID().toString();
			CheckpointReviewStarted event = new CheckpointReviewStarted(CheckpointReviewStarted.TYPE, eventId, planId,
					d.entity(), checkpoint, UNDER_REVIEW, now, actor.username());
			return new Change(UNDER_REVIEW, d.closing(), null, null,
					new Transition(d.status(), UNDER_REVIEW, actor.username(), now, null, null),
					outbox(planId, eventId, CheckpointReviewStarted.TYPE, event, now));
		});
	}

	/** The OIV's verdict on the latest result version of a due indicator. */
	public CheckpointView recordVerdict(Actor actor, String planId, String checkpoint, VerdictRequest request) {
		return transition(actor, planId, checkpoint, c -> {
			checkVerdict(request);
			DueIndicator due = c.due().stream()
					.filter(i -> i.objective().equals(request.objective()) && i.indicator().equals(request.indicator()))
					.findFirst()
					.orElseThrow(() -> refused("/indicator", "indicator-not-due", request.objective(),
							request.indicator(), checkpoint));
			requireStatus(c, UNDER_REVIEW);
			Integer latest = c.latestVersions().get(due.key());
			if (latest == null) {
				throw refused("/indicator", "result-missing", due.objective(), due.indicator());
			}
			if (request.resultVersion() != null && !request.resultVersion().equals(latest)) {
				throw refused("/resultVersion", "result-version-stale", request.resultVersion(), latest);
			}
			CheckpointDocument d = c.document();
			Instant now = now();
			BigDecimal adjusted = request.verdict() == Verdict.ADJUSTED ? request.adjustedAchievement() : null;
			String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason();
			VerdictEntry verdict = new VerdictEntry(due.objective(), due.indicator(), latest, request.verdict(),
					adjusted, reason, actor.username(), now);
			String eventId = UUID.randomUUID().toString();
			VerdictRecorded event = new VerdictRecorded(VerdictRecorded.TYPE, eventId, planId, d.entity(), checkpoint,
					d.status(), now, actor.username(), due.objective(), due.indicator(), latest, request.verdict(),
					adjusted, reason);
			return new Change(d.status(), d.closing(), null, verdict, null,
					outbox(planId, eventId, VerdictRecorded.TYPE, event, now));
		});
	}

	private static List<Violation> submissionBounds(SubmissionRequest request) {
		List<Violation> v = new ArrayList<>();
		InputBounds.check(v, InputBounds.code("/manager", request.manager()));
		InputBounds.check(v, InputBounds.text("/commentary", request.commentary(), InputBounds.MAX_TEXT));
		InputBounds.check(v, InputBounds.items("/proposals", request.proposals()));
		if (request.proposals() != null && request.proposals().size() <= InputBounds.MAX_ITEMS) {
			for (int i = 0; i < request.proposals().size(); i++) {
				InputBounds.check(v, InputBounds.code("/proposals/" + i, request.proposals().get(i)));
			}
		}
		return v;
	}

	private static void refuseOutOfBounds(List<Violation> violations) {
		if (!violations.isEmpty()) {
			throw new RefusedException(violations);
		}
	}

	private static void checkVerdict(VerdictRequest request) {
		List<Violation> bounds = new ArrayList<>();
		InputBounds.check(bounds, InputBounds.code("/objective", request.objective()));
		InputBounds.check(bounds, InputBounds.code("/indicator", request.indicator()));
		InputBounds.check(bounds, InputBounds.text("/reason", request.reason(), InputBounds.MAX_TEXT));
		InputBounds.check(bounds, InputBounds.number("/adjustedAchievement", request.adjustedAchievement()));
		// checked first: the range check below formats the number
		refuseOutOfBounds(bounds);
		List<Violation> violations = new ArrayList<>();
		if (request.objective() == null || request.objective().isBlank()) {
			violations.add(Violation.of("/objective", "required"));
		}
		if (request.indicator() == null || request.indicator().isBlank()) {
			violations.add(Violation.of("/indicator", "required"));
		}
		if (request.verdict() == null) {
			violations.add(Violation.of("/verdict", "required"));
		}
		boolean noReason = request.reason() == null || request.reason().isBlank();
		if (request.verdict() == Verdict.REJECTED || request.verdict() == Verdict.ADJUSTED) {
			if (noReason) {
				violations.add(Violation.of("/reason", "reason-required", request.verdict()));
			}
		}
		if (request.verdict() == Verdict.ADJUSTED) {
			BigDecimal a = request.adjustedAchievement();
			if (a == null) {
				violations.add(Violation.of("/adjustedAchievement", "required"));
			}
			else if (a.signum() < 0 || a.compareTo(ONE) > 0) {
				violations.add(Violation.of("/adjustedAchievement", "achievement-out-of-range", a.toPlainString()));
			}
		}
		else if (request.verdict() != null && request.adjustedAchievement() != null) {
			violations.add(Violation.of("/adjustedAchievement", "not-for-verdict", request.verdict()));
		}
		if (!violations.isEmpty()) {
			throw new RefusedException(violations);
		}
	}

	/** The OIV closes the review when every due indicator has a counting VALIDATED or ADJUSTED verdict. */
	public CheckpointView close(Actor actor, String planId, String checkpoint) {
		return transition(actor, planId, checkpoint, c -> {
			requireStatus(c, UNDER_REVIEW);
			CheckpointDocument d = c.document();
			List<Violation> missing = CheckpointRules.missingForClosing(c.due(), c.latestVersions(), d);
			if (!missing.isEmpty()) {
				throw new RefusedException(missing);
			}
			int closing = d.closing() + 1;
			Instant now = now();
			List<FinalVerdict> verdicts = c.due().stream()
					.map(i -> FinalVerdict.of(d.currentVerdict(i.objective(), i.indicator()).orElseThrow())).toList();
			String eventId = UUID.randomUUID().toString();
			CheckpointClosed event = new CheckpointClosed(CheckpointClosed.TYPE, eventId, planId, d.entity(),
					checkpoint, CLOSED, now, actor.username(), closing, verdicts);
			return new Change(CLOSED, closing, null, null,
					new Transition(d.status(), CLOSED, actor.username(), now, null, closing),
					outbox(planId, eventId, CheckpointClosed.TYPE, event, now));
		});
	}

	/** A PLANNER or the OIV reopens a closed checkpoint, with a reason: back to review, the next closing is n+1. */
	public CheckpointView reopen(Actor actor, String planId, String checkpoint, ReopeningRequest request) {
		return transition(actor, planId, checkpoint, c -> {
			if (request == null || request.reason() == null || request.reason().isBlank()) {
				throw refused("/reason", "required");
			}
			InputBounds.text("/reason", request.reason(), InputBounds.MAX_TEXT).ifPresent(v -> {
				throw new RefusedException(v);
			});
			requireStatus(c, CLOSED);
			CheckpointDocument d = c.document();
			Instant now = now();
			String eventId = UUID.randomUUID().toString();
			CheckpointReopened event = new CheckpointReopened(CheckpointReopened.TYPE, eventId, planId, d.entity(),
					checkpoint, UNDER_REVIEW, now, actor.username(), d.closing(), request.reason());
			return new Change(UNDER_REVIEW, d.closing(), null, null,
					new Transition(CLOSED, UNDER_REVIEW, actor.username(), now, request.reason(), d.closing()),
					outbox(planId, eventId, CheckpointReopened.TYPE, event, now));
		});
	}

	private CheckpointView transition(Actor actor, String planId, String checkpoint, Function<Context, Change> decide) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Context context = load(actor, planId, checkpoint);
			Change change = decide.apply(context);
			if (store.apply(context.document(), change)) {
				return view(actor, planId, checkpoint);
			}
		}
		throw new ConcurrentResultUpdateException(CheckpointDocument.idOf(planId, checkpoint));
	}

	private Context load(Actor actor, String planId, String checkpoint) {
		List<PlanVersion> versions = results.plansOf(actor.entity()).versionsOf(planId);
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
		Map<String, Integer> latest = new HashMap<>();
		for (RecordedResult r : results.latest(actor.entity(), planId, checkpoint)) {
			latest.put(CheckpointRules.keyOf(r.objective(), r.indicator()), r.version());
		}
		return new Context(plan, document, CheckpointRules.due(plan.content(), checkpoint), latest);
	}

	private static void requireStatus(Context c, CheckpointStatus... allowed) {
		CheckpointStatus status = c.document().status();
		if (!Arrays.asList(allowed).contains(status)) {
			throw refused("", "checkpoint-state", c.document().checkpoint(), c.document().planId(), status,
					Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(", ")));
		}
	}

	/** The transition's event; refused when it could never be sent (a closing carries every verdict's reason). */
	private OutboxEntry outbox(String planId, String eventId, String type, Object event, Instant at) {
		String payload = eventMapper.writeValueAsString(event);
		if (!eventSize.fits(payload)) {
			throw refused("", "event-too-large", eventSize.maxPayloadBytes());
		}
		return new OutboxEntry(eventId, planId, type, payload, at.toEpochMilli());
	}

	private static RefusedException refused(String pointer, String code, Object... args) {
		return new RefusedException(Violation.of(pointer, code, args));
	}

	private Instant now() {
		return Instant.ofEpochMilli(clock.millis());
	}
}
