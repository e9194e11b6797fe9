package org.cicloperformance.monitoringservice.checkpoint.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRequests.ReopeningRequest;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRequests.SubmissionRequest;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRequests.VerdictRequest;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointView;
import org.cicloperformance.monitoringservice.checkpoint.ClosingCheckpoint;
import org.cicloperformance.monitoringservice.checkpoint.ReviewingCheckpoint;
import org.cicloperformance.monitoringservice.checkpoint.SubmittingResults;
import org.cicloperformance.monitoringservice.checkpoint.ViewingCheckpoint;
import org.cicloperformance.monitoringservice.security.Access;
import org.cicloperformance.monitoringservice.security.Actor;
import org.cicloperformance.monitoringservice.security.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OIV validation workflow of a plan's checkpoint: OPEN → SUBMITTED → UNDER_REVIEW → CLOSED (→ reopened to
 * UNDER_REVIEW). The role is checked first (403), then the plan's entity (404), then the request (422), then the
 * checkpoint's state (409). Every answer is the checkpoint as it is after the call.
 */
@RestController
@RequestMapping("/api/checkpoints/{planId}/{checkpoint}")
@Tag(name = "checkpoints", description = "Submission of the results to the OIV, its verdicts, closing and reopening")
class CheckpointController {

	private final ViewingCheckpoint viewing;

	private final SubmittingResults submitting;

	private final ReviewingCheckpoint reviewing;

	private final ClosingCheckpoint closing;

	private final Access access;

	CheckpointController(ViewingCheckpoint viewing, SubmittingResults submitting, ReviewingCheckpoint reviewing,
			ClosingCheckpoint closing, Access access) {
		this.viewing = viewing;
		this.submitting = submitting;
		this.reviewing = reviewing;
		this.closing = closing;
		this.access = access;
	}

	@Operation(summary = "State, submissions, due indicators with their latest result version and verdict, history "
			+ "(every role but HR)")
	@GetMapping
	CheckpointView get(@PathVariable String planId, @PathVariable String checkpoint) {
		return viewing.view(access.reader(), planId, checkpoint);
	}

	@Operation(summary = "A manager submits the results of their own objectives (commentary, proposal ids); the last "
			+ "manager due makes the checkpoint SUBMITTED. MANAGER only, while OPEN or SUBMITTED")
	@PostMapping(path = "/submissions", consumes = MediaType.APPLICATION_JSON_VALUE)
	CheckpointView submit(@PathVariable String planId, @PathVariable String checkpoint,
			@RequestBody SubmissionRequest body) {
		Actor actor = access.requireAny(Role.MANAGER);
		return submitting.submit(actor, planId, checkpoint, body);
	}

	@Operation(summary = "The OIV starts the review: SUBMITTED → UNDER_REVIEW")
	@PostMapping("/review")
	CheckpointView review(@PathVariable String planId, @PathVariable String checkpoint) {
		Actor actor = access.requireAny(Role.OIV);
		return reviewing.startReview(actor, planId, checkpoint);
	}

	@Operation(summary = "The OIV's verdict on an indicator's latest result version (VALIDATED, ADJUSTED with "
			+ "adjustedAchievement 0–1 and a reason, REJECTED with a reason). OIV only, while UNDER_REVIEW")
	@PostMapping(path = "/verdicts", consumes = MediaType.APPLICATION_JSON_VALUE)
	CheckpointView verdict(@PathVariable String planId, @PathVariable String checkpoint,
			@RequestBody VerdictRequest body) {
		Actor actor = access.requireAny(Role.OIV);
		return reviewing.recordVerdict(actor, planId, checkpoint, body);
	}

	@Operation(summary = "The OIV closes the checkpoint: UNDER_REVIEW → CLOSED when every due indicator has a "
			+ "counting VALIDATED or ADJUSTED verdict (409 naming each one missing otherwise)")
	@PostMapping("/closing")
	CheckpointView close(@PathVariable String planId, @PathVariable String checkpoint) {
		Actor actor = access.requireAny(Role.OIV);
		return closing.close(actor, planId, checkpoint);
	}

	@Operation(summary = "Reopens a closed checkpoint, with a reason: CLOSED → UNDER_REVIEW. PLANNER or OIV")
	@PostMapping(path = "/reopening", consumes = MediaType.APPLICATION_JSON_VALUE)
	CheckpointView reopen(@PathVariable String planId, @PathVariable String checkpoint,
			@RequestBody ReopeningRequest body) {
		Actor actor = access.requireAny(Role.PLANNER, Role.OIV);
		return closing.reopen(actor, planId, checkpoint, body);
	}
}
