package org.cicloperformance.reportingservice.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.reportingservice.completion.CompletionBoard;
import org.cicloperformance.reportingservice.completion.CompletionBoard.Board;
import org.cicloperformance.reportingservice.dashboard.Pages.Header;
import org.cicloperformance.reportingservice.dashboard.Pages.Link;
import org.cicloperformance.reportingservice.dashboard.ScoredPlans.Scored;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The completion board page (issue 18): at the checkpoint shown, which indicators are due, posted, missing or late
 * on a day (today by default, any other to see what was missing then), by office and by manager.
 */
@Component
class CompletionPages {

	private final ScoredPlans plans;

	private final CompletionBoard boards;

	private final Clock clock;

	CompletionPages(ScoredPlans plans, CompletionBoard boards) {
		this.plans = plans;
		this.boards = boards;
		this.clock = Clock.system(java.time.ZoneId.of("Europe/Rome"));
	}

	/** An indicator of the board with its links and the names a reader knows. */
	record Row(String code, String name, String href, String office, String user, Link manager, String status,
			java.time.Instant postedAt, Integer resultVersion) {
	}

	/** An office's or manager's line: counts and the outstanding indicators, linked. */
	record Group(String id, String label, CompletionBoard.Counts counts, List<Link> outstanding) {
	}

	/** {@code weekBefore}: the day a week before the closing date, to see what was missing then. */
	record CompletionPage(Header header, Board board, String officeNote, List<Row> rows, List<Group> byOffice,
			List<Group> byManager, LocalDate today, LocalDate weekBefore, String formAction) {
	}

	CompletionPage page(String planId, String checkpoint, LocalDate asOf, String path, PlanScope scope) {
		Scored scored = plans.scored(planId, checkpoint);
		LocalDate today = LocalDate.now(clock);
		Board board = boards.of(planId, checkpoint, asOf == null ? today : asOf)
				.orElseThrow(() -> new NotFoundException("notFound.scores", planId, checkpoint));
		ScoringPlan plan = scored.plan();
		List<Row> rows = board.indicators().stream().map(r -> new Row(r.objective() + "/" + r.indicator(), r.name(),
				Links.indicator(planId, r.objective(), r.indicator(), checkpoint), office(plan, r.office()), r.user(),
				manager(plan, planId, checkpoint, r.manager()), r.status().name(), r.postedAt(), r.resultVersion()))
				.toList();
		List<Group> offices = board.byOffice().stream().map(g -> new Group("office-" + g.key(), office(plan, g.key()),
				g.counts(), outstanding(planId, checkpoint, g))).toList();
		List<Group> managers = board.byManager().stream().map(g -> {
			Link manager = manager(plan, planId, checkpoint, g.key());
			return new Group("manager-" + g.key(), manager == null ? g.key() : manager.label(), g.counts(),
					outstanding(planId, checkpoint, g));
		}).toList();
		return new CompletionPage(plans.header(scored, path, scope), board, null, rows, offices, managers, today,
				board.closesOn() == null ? null : board.closesOn().minusDays(7), path);
	}

	private static List<Link> outstanding(String planId, String checkpoint, CompletionBoard.Group group) {
		return group.outstanding().stream().map(r -> new Link(Links.indicator(planId, r.objective(), r.indicator(),
				checkpoint), r.objective() + "/" + r.indicator())).toList();
	}

	/** An office that is an organisational area by its name; another office (an assignment's) as given. */
	private static String office(ScoringPlan plan, String office) {
		return plan.organisationalAreas().stream().filter(a -> a.code().equals(office)).findFirst()
				.map(ScoringPlan.OrganisationalArea::name).orElse(office);
	}

	private static Link manager(ScoringPlan plan, String planId, String checkpoint, String managerId) {
		return plan.managers().stream().filter(m -> m.id().equals(managerId)).findFirst()
				.map(m -> new Link(Links.manager(planId, m.id(), checkpoint), m.name())).orElse(null);
	}
}
