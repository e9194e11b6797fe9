package org.cicloperformance.reportingservice.evaluation.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy;
import org.cicloperformance.reportingservice.evaluation.ResultPay;
import org.cicloperformance.reportingservice.evaluation.ResultPay.PayTable;
import org.cicloperformance.reportingservice.evaluation.Scheda;
import org.cicloperformance.reportingservice.evaluation.store.FundDocument.Recipients;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.springframework.stereotype.Service;

/**
 * The result pay of a plan's year: every managers' fund in force split by {@link ResultPay} among the FINAL schede
 * (latest FINAL version of each), with the contract's differentiation check; the staff's funds are listed with
 * their amount only, since the staff's individual evaluation is not made here.
 */
@Service
public class PayTables {

	private final SchedaStore schede;

	private final Funds funds;

	private final Policies policies;

	private final PlanVersions plans;

	PayTables(SchedaStore schede, Funds funds, Policies policies, PlanVersions plans) {
		this.schede = schede;
		this.funds = funds;
		this.policies = policies;
		this.plans = plans;
	}

	/** A fund with, for the managers' funds when there is a FINAL scheda, its pay table. */
	public record FundPay(FundDocument fund, PayTable table) {
	}

	public record PayReport(String planId, EvaluationPolicy.Differentiation rule, List<String> managersInPlan,
			List<String> evaluated, List<String> notYetFinal, List<FundPay> funds, BigDecimal managersFunds,
			BigDecimal managersPaid, BigDecimal staffFunds) {
	}

	public PayReport report(String planId) {
		return report(planId, schede.finals(planId), null);
	}

	/** The report once {@code entering} (a fund version about to be inserted) is in force; null with no FINAL scheda. */
	public PayReport reportWith(FundDocument entering) {
		List<SchedaDocument> finals = schede.finals(entering.planId());
		return finals.isEmpty() ? null : report(entering.planId(), finals, entering);
	}

	/**
	 * The report once {@code finalised} (a version about to be written FINAL) replaces its manager's latest FINAL
	 * version: what the write that makes it FINAL announces.
	 */
	public PayReport reportWith(SchedaDocument finalised) {
		List<SchedaDocument> finals = new ArrayList<>(schede.finals(finalised.planId()));
		finals.removeIf(d -> d.managerId().equals(finalised.managerId()));
		finals.add(finalised);
		finals.sort(Comparator.comparing(SchedaDocument::managerId));
		return report(finalised.planId(), finals, null);
	}

	private PayReport report(String planId, List<SchedaDocument> finals, FundDocument entering) {
		ScoringPlan plan = plan(planId, finals);
		List<Scheda> paid = finals.stream().map(this::scheda).toList();
		EvaluationPolicy policy = policy(planId, finals, plan).policy();
		List<FundPay> pays = funds.inForce(planId, plan, entering).stream().map(f -> new FundPay(f,
				f.recipients() == Recipients.MANAGERS && !paid.isEmpty() ? ResultPay.allocate(
						new ResultPay.Fund(f.name(), f.amount(), f.act()), paid, policy.differentiation()) : null))
			.toList();
		List<String> inPlan = plan.managers().stream().map(ScoringPlan.Manager::id).toList();
		List<String> evaluated = finals.stream().map(SchedaDocument::managerId).toList();
		BigDecimal managers = sum(pays, Recipients.MANAGERS, false);
		return new PayReport(planId, policy.differentiation(), inPlan, evaluated,
				inPlan.stream().filter(m -> !evaluated.contains(m)).toList(), pays, managers,
				sum(pays, Recipients.MANAGERS, true), sum(pays, Recipients.STAFF, false));
	}

	/** The FINAL schede behind the tables (for transparency). */
	public List<SchedaDocument> finals(String planId) {
		return schede.finals(planId);
	}

	/** The evaluation policy the plan's FINAL schede were made under (its bands publish the distribution). */
	public Policies.InForce policy(String planId) {
		List<SchedaDocument> finals = schede.finals(planId);
		return policy(planId, finals, plan(planId, finals));
	}

	/**
	 * The policy of the FINAL schede (the first one's: they are made under the same SMVP version), or, before any is
	 * FINAL, the one the plan's schede would be made under.
	 */
	private Policies.InForce policy(String planId, List<SchedaDocument> finals, ScoringPlan plan) {
		return finals.isEmpty() ? policies.forPlan(planId, plan.version())
				: policies.of(planId, finals.get(0).policy());
	}

	private Scheda scheda(SchedaDocument d) {
		EvaluationPolicy policy = policies.of(d.planId(), d.policy()).policy();
		SchedaDocument.Computed c = d.computed();
		return new Scheda(d.managerId(), d.group(), d.ownObjectives(), d.entityPerformance(), c.behaviours(),
				c.total(), policy.bandOf(c.total()), c.arithmetic());
	}

	private ScoringPlan plan(String planId, List<SchedaDocument> finals) {
		List<PlanVersionFact> versions = plans.versions(planId);
		if (versions.isEmpty()) {
			throw new SchedaRefused(SchedaRefused.Kind.NOT_FOUND, "/planId", "no-scheda");
		}
		if (!finals.isEmpty()) {
			return plans.inForce(planId, finals.get(0).checkpoint()).map(plans::scorer)
				.orElseGet(() -> plans.scorer(versions.get(versions.size() - 1))).plan();
		}
		return plans.scorer(versions.get(versions.size() - 1)).plan();
	}

	private static BigDecimal sum(List<FundPay> pays, Recipients recipients, boolean paid) {
		return pays.stream().filter(p -> p.fund().recipients() == recipients)
			.map(p -> paid ? (p.table() == null ? BigDecimal.ZERO : p.table().paid()) : p.fund().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
