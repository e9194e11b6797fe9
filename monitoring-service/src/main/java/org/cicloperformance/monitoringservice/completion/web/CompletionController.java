package org.cicloperformance.monitoringservice.completion.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cicloperformance.monitoringservice.completion.CompletionBoard;
import org.cicloperformance.monitoringservice.completion.CompletionView;
import org.cicloperformance.monitoringservice.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "completion", description = "Which indicators of a checkpoint are due, posted, missing or late")
class CompletionController {

	private final CompletionBoard board;

	private final Access access;

	CompletionController(CompletionBoard board, Access access) {
		this.board = board;
		this.access = access;
	}

	@Operation(summary = "The completion board of a checkpoint as of the reporting clock, by indicator, office and "
			+ "manager (every role but HR)")
	@GetMapping("/api/completion")
	CompletionView completion(@RequestParam String planId, @RequestParam String checkpoint) {
		return board.view(access.reader(), planId, checkpoint);
	}
}
