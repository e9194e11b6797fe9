package org.cicloperformance.reportingservice.hr.web;

import java.nio.charset.StandardCharsets;
import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.hr.HrFeedCsv;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HR feed's CSV as a download named after the plan and the checkpoint: the API and the dashboard serve it. */
public final class HrFeedDownload {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private HrFeedDownload() {
	}

	public static ResponseEntity<byte[]> of(HrFeed feed) {
		byte[] body = HrFeedCsv.write(feed).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok().contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("hr-feed-" + feed.planId() + "-" + feed.checkpoint() + ".csv").build().toString())
				.body(body);
	}
}
