package org.cicloperformance.reportingservice.evaluation.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.IdPatterns;
import org.cicloperformance.reportingservice.checkpoint.HrFeedOutbox;
import org.cicloperformance.reportingservice.checkpoint.OutboxEntry;
import org.cicloperformance.reportingservice.engine.Decimals;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Violation;
import org.cicloperformance.reportingservice.evaluation.store.FundDocument.Recipients;
import org.cicloperformance.reportingservice.evaluation.store.SchedaRefused.Kind;
import org.cicloperformance.reportingservice.security.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The funds of a plan's year: those HR enters (collection {@code evaluation_funds}, insert-only versions) and the
 * project incentives the plan itself sets aside (an objective's {@code incentive}: coefficient × unit amount per
 * fund, e.g. 2.2.1's 5 × 3.041 € for the managers), which are read from the plan and never typed in.
 */
@Component
public class Funds {

	static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final MongoTemplate mongo;

	private final Clock clock;

	/** Through a provider: the announcement reads the pay table, which reads the funds. */
	private final ObjectProvider<EvaluationAnnouncements> announcements;

	private final HrFeedOutbox outbox;

	Funds(MongoTemplate mongo, Clock clock, ObjectProvider<EvaluationAnnouncements> announcements,
			HrFeedOutbox outbox) {
		this.mongo = mongo;
		this.clock = clock;
		this.announcements = announcements;
		this.outbox = outbox;
	}

	/** What HR enters; {@code replaces} is the version it replaces (0 or null for a new fund). */
	public record Entry(String code, String name, Recipients recipients, BigDecimal amount, String act,
			LocalDate actDate, Integer replaces) {
	}

	public FundDocument enter(Actor actor, String planId, Entry entry) {
		List<Violation> out = new ArrayList<>();
		if (entry.code() == null || !CODE.matcher(entry.code()).matches()) {
			out.add(new Violation("/code", entry.code() == null ? "required" : "invalid-id"));
		}
		text(out, "/name", entry.name(), 200);
		text(out, "/act", entry.act(), Schede.MAX_TEXT);
		if (entry.recipients() == null) {
			out.add(new Violation("/recipients", "required"));
		}
		if (entry.amount() == null || entry.amount().signum() <= 0 || entry.amount().compareTo(MAX_AMOUNT) > 0
				|| entry.amount().stripTrailingZeros().scale() > 2) {
			out.add(new Violation("/amount", entry.amount() == null ? "required" : "invalid-amount"));
		}
		if (entry.actDate() == null) {
			out.add(new Violation("/actDate", "required"));
		}
		else if (entry.actDate().getYear() < 2000 || entry.actDate().getYear() > 2100) {
			out.add(new Violation("/actDate", "invalid-date"));
		}
		int replaces = entry.replaces() == null ? 0 : entry.replaces();
		if (replaces < 0 || replaces > 10_000) {
			out.add(new Violation("/replaces", "invalid-id"));
		}
		if (!out.isEmpty()) {
			throw new SchedaRefused(Kind.INVALID, out);
		}
		FundDocument fund = new FundDocument(FundDocument.id(planId, entry.code(), replaces + 1), planId,
				entry.code(), replaces + 1, entry.name().strip(), entry.recipients(), entry.amount(), entry.act().strip(),
				entry.actDate(), "HR", clock.instant(), actor.username());
		if (replaces > 0 && mongo.findById(FundDocument.id(planId, entry.code(), replaces), FundDocument.class) == null) {
			throw new SchedaRefused(Kind.NOT_FOUND, "/replaces", "no-fund");
		}
		OutboxEntry revised = fund.recipients() == Recipients.MANAGERS ? announcements.getObject().fundEntered(fund)
				: null;
		if (revised != null) {
			fund = fund.withOutbox(revised);
		}
		try {
			mongo.insert(fund);
		}
		catch (DuplicateKeyException exists) {
			throw new SchedaRefused(Kind.CONFLICT, "/replaces", "fund-exists");
		}
		if (revised != null) {
			outbox.queued();
		}
		return fund;
	}

	/** Every version HR entered, by fund then version. */
	public List<FundDocument> entered(String planId) {
		return mongo.find(query(where("_id").regex(IdPatterns.startingWith(planId + "#", "[^#]+#[0-9]+$"))),
				FundDocument.class).stream()
			.sorted(Comparator.comparing(FundDocument::code).thenComparingInt(FundDocument::version)).toList();
	}

	/** The funds in force: the latest version of each HR fund, then the plan's project incentives. */
	public List<FundDocument> inForce(String planId, ScoringPlan plan) {
		return inForce(planId, plan, null);
	}

	/** As {@link #inForce(String, ScoringPlan)} once {@code entering} (a version about to be inserted) is in. */
	List<FundDocument> inForce(String planId, ScoringPlan plan, FundDocument entering) {
		Map<String, FundDocument> latest = new LinkedHashMap<>();
		entered(planId).forEach(f -> latest.put(f.code(), f));
		if (entering != null) {
			latest.put(entering.code(), entering);
		}
		List<FundDocument> out = new ArrayList<>(latest.values());
		out.addAll(projectIncentives(plan));
		return out;
	}

	/** The project incentives of the plan's objectives, one fund each; "Dirigenti" in its name: the managers'. */
	static List<FundDocument> projectIncentives(ScoringPlan plan) {
		List<FundDocument> out = new ArrayList<>();
		plan.objectives().stream().filter(o -> o.incentive() != null).forEach(o -> o.incentive().funds().forEach(f -> {
			BigDecimal coefficient = o.incentive().coefficient();
			BigDecimal amount = f.amount() != null ? f.amount()
					: coefficient == null || f.unitAmount() == null ? BigDecimal.ZERO
							: coefficient.multiply(f.unitAmount());
			String how = coefficient != null && f.unitAmount() != null
					? ": " + Decimals.number(coefficient) + " × " + Decimals.number(f.unitAmount()) + " €" : "";
			Recipients recipients = f.name().toLowerCase(java.util.Locale.ROOT).contains("dirigent") ? Recipients.MANAGERS
					: Recipients.STAFF;
			out.add(new FundDocument(null, plan.planId(), "incentivo-" + o.code() + "-" + recipients.name()
				.toLowerCase(java.util.Locale.ROOT), plan.version(), f.name() + " — obiettivo " + o.code(), recipients,
					amount, "Piano della performance, versione " + plan.version() + ", obiettivo " + o.code()
							+ " (incentivo di progetto" + how + ")",
					null, "PLAN", null, null));
		}));
		return out;
	}

	private static void text(List<Violation> out, String pointer, String value, int max) {
		if (value == null || value.isBlank()) {
			out.add(new Violation(pointer, "required"));
		}
		else if (value.length() > max) {
			out.add(new Violation(pointer, "too-long"));
		}
	}
}
