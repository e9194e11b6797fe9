package org.cicloperformance.reportingservice.hr.web;

import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.hr.HrFeedService;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.Role;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The HR feed, for PLANNER, OIV and HR of the plan's entity. */
@RestController
@RequestMapping("/api/plans/{planId}/checkpoints/{checkpoint}")
class HrFeedController {

	private final HrFeedService feeds;

	private final Access access;

	HrFeedController(HrFeedService feeds, Access access) {
		this.feeds = feeds;
		this.access = access;
	}

	@GetMapping(path = "/hr-feed", produces = MediaType.APPLICATION_JSON_VALUE)
	HrFeed json(@PathVariable String planId, @PathVariable String checkpoint) {
		requireReader(planId, checkpoint);
		return feeds.feed(planId, checkpoint);
	}

	@GetMapping(path = "/hr-feed.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@PathVariable String planId, @PathVariable String checkpoint) {
		requireReader(planId, checkpoint);
		return HrFeedDownload.of(feeds.feed(planId, checkpoint));
	}

	private void requireReader(String planId, String checkpoint) {
		access.requireAny(Role.PLANNER, Role.OIV, Role.HR);
		access.plan(planId, () -> new NotFoundException("notFound.scores", planId, checkpoint)).requireHrFeed();
	}
}
