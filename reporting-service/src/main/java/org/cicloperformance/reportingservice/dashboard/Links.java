package org.cicloperformance.reportingservice.dashboard;

import org.springframework.web.util.UriComponentsBuilder;

/** The dashboard's addresses, context-relative (the templates add the context path), each at a checkpoint. */
final class Links {

	private Links() {
	}

	static String overview(String planId, String checkpoint) {
		return link("/dashboard/plans/{plan}", checkpoint, planId);
	}

	static String objective(String planId, String objective, String checkpoint) {
		return link("/dashboard/plans/{plan}/objectives/{objective}", checkpoint, planId, objective);
	}

	static String manager(String planId, String managerId, String checkpoint) {
		return link("/dashboard/plans/{plan}/managers/{manager}", checkpoint, planId, managerId);
	}

	static String area(String planId, String areaCode, String checkpoint) {
		return link("/dashboard/plans/{plan}/areas/{area}", checkpoint, planId, areaCode);
	}

	static String indicator(String planId, String objective, String indicator, String checkpoint) {
		return link("/dashboard/plans/{plan}/indicators/{objective}/{indicator}", checkpoint, planId, objective,
				indicator);
	}

	static String hrFeed(String planId, String checkpoint) {
		return link("/dashboard/plans/{plan}/hr-feed", checkpoint, planId);
	}

	static String completion(String planId, String checkpoint) {
		return link("/dashboard/plans/{plan}/completion", checkpoint, planId);
	}

	static String alerts(String planId, String checkpoint) {
		return link("/dashboard/plans/{plan}/alerts", checkpoint, planId);
	}

	/** The dashboard's own copy of the CSV: the API's needs credentials a browser session does not send. */
	static String hrFeedCsv(String planId, String checkpoint) {
		return link("/dashboard/plans/{plan}/hr-feed.csv", checkpoint, planId);
	}

	private static String link(String template, String checkpoint, Object... variables) {
		return UriComponentsBuilder.fromPath(template).queryParam("checkpoint", checkpoint).buildAndExpand(variables)
				.encode().toUriString();
	}
}
