package org.cicloperformance.reportingservice.hr;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans/{planId}/checkpoints/{checkpoint}")
class HrFeedController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final HrFeedService feeds;

	HrFeedController(HrFeedService feeds) {
		this.feeds = feeds;
	}

	@GetMapping(path = "/hr-feed", produces = MediaType.APPLICATION_JSON_VALUE)
	HrFeed json(@PathVariable String planId, @PathVariable String checkpoint) {
		return feeds.feed(planId, checkpoint);
	}

	@GetMapping(path = "/hr-feed.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@PathVariable String planId, @PathVariable String checkpoint) {
		byte[] body = HrFeedCsv.write(feeds.feed(planId, checkpoint)).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok().contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("hr-feed-" + planId + "-" + checkpoint + ".csv").build().toString())
				.body(body);
	}
}
