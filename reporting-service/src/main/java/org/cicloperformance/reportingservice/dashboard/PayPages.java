package org.cicloperformance.reportingservice.dashboard;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.dashboard.Pages.Header;
import org.cicloperformance.reportingservice.dashboard.ScoredPlans.Scored;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.evaluation.ResultPay.DifferentiationCheck;
import org.cicloperformance.reportingservice.evaluation.store.PayTables;
import org.cicloperformance.reportingservice.evaluation.store.PayTables.PayReport;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.springframework.stereotype.Component;

/**
 * The result pay table of the year (issue 16) for the readers of pay (PLANNER, OIV, HR): each managers' fund split
 * among the FINAL schede by {@link PayTables} to the cent, the contract's differentiation check (holds or fails, by
 * how much) and the rounding, as the rules explain them; the staff's funds with their amount; links to the CSV and
 * the transparency data. Every figure is the services'; the page formats them.
 */
@Component
class PayPages {

	private final ScoredPlans plans;

	private final PayTables pay;

	private final Formats fmt;

	PayPages(ScoredPlans plans, PayTables pay, Formats fmt) {
		this.plans = plans;
		this.pay = pay;
		this.fmt = fmt;
	}

	record Line(String managerId, String name, String total, String band, String share, boolean differentiated,
			String amount, String arithmetic) {
	}

	/** The check as the page shows it: {@code gap} the shortfall from the required premium when it fails. */
	record Check(boolean holds, String lowestPremium, String requiredPremium, int differentiated, int maxManagers,
			String gap, String explanation) {
	}

	record Fund(String id, String name, String recipients, String amount, String act, String actDate,
			Integer version, String average, List<Line> lines, String paid, String unpaid, Check check) {
	}

	record PayPage(Header header, List<Fund> funds, List<String> evaluated, List<String> notYetFinal,
			String managersFunds, String managersPaid, String staffFunds, String premium, String quota,
			Map<String, String> downloads) {
	}

	PayPage page(String planId, String path, PlanScope scope) {
		Scored scored = plans.scored(planId, plans.defaultCheckpoint(planId));
		PayReport report = pay.report(planId);
		Map<String, String> names = scored.plan().managers().stream()
			.collect(Collectors.toMap(ScoringPlan.Manager::id, ScoringPlan.Manager::name, (a, b) -> a));
		Function<String, String> name = id -> names.getOrDefault(id, id);
		List<Fund> funds = report.funds().stream().map(f -> {
			var table = f.table();
			List<Line> lines = table == null ? List.of() : table.lines().stream().map(l -> new Line(l.managerId(),
					name.apply(l.managerId()), fmt.percent(l.total()), l.band(), fmt.percent(l.share()),
					l.differentiated(), fmt.euros(l.amount()), l.arithmetic())).toList();
			var doc = f.fund();
			return new Fund("fund-" + doc.code(), doc.name(), doc.recipients().name(), fmt.euros(doc.amount()),
					doc.act(), fmt.date(doc.actDate()), doc.version(),
					table == null ? null : fmt.euros(table.averagePerHead()), lines,
					table == null ? null : fmt.euros(table.paid()), table == null ? null : fmt.euros(table.unpaid()),
					table == null ? null : check(table.check()));
		}).toList();
		String base = "/dashboard/plans/" + planId;
		Map<String, String> downloads = new java.util.LinkedHashMap<>();
		downloads.put("pay", base + "/pay.csv");
		downloads.put("page", base + "/transparency");
		downloads.put("amounts", base + "/transparency/amounts.csv");
		downloads.put("distribution", base + "/transparency/distribution.csv");
		downloads.put("differentiation", base + "/transparency/differentiation.csv");
		return new PayPage(plans.header(scored, path, scope), funds,
				report.evaluated().stream().map(name).toList(), report.notYetFinal().stream().map(name).toList(),
				fmt.euros(report.managersFunds()), fmt.euros(report.managersPaid()), fmt.euros(report.staffFunds()),
				fmt.percent(report.rule().premium()), fmt.percent(report.rule().quota()), downloads);
	}

	private Check check(DifferentiationCheck c) {
		String gap = c.holds() || c.lowestPremium() == null ? null
				: fmt.percent(c.requiredPremium().subtract(c.lowestPremium()));
		return new Check(c.holds(), fmt.percent(c.lowestPremium()), fmt.percent(c.requiredPremium()),
				c.differentiatedManagers(), c.maxManagers(), gap, c.explanation());
	}
}
