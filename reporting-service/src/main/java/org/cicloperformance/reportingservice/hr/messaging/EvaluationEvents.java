package org.cicloperformance.reportingservice.hr.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cicloperformance.reportingservice.checkpoint.OutboxEntry;
import org.cicloperformance.reportingservice.evaluation.ResultPay;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Step;
import org.cicloperformance.reportingservice.evaluation.store.EvaluationAnnouncements;
import org.cicloperformance.reportingservice.evaluation.store.FundDocument;
import org.cicloperformance.reportingservice.evaluation.store.PayTables;
import org.cicloperformance.reportingservice.evaluation.store.SchedaDocument;
import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.hr.HrFeedService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code EvaluationFinalised} on {@code hr-feed}, keyed by plan id: a scheda version made FINAL (a first one, or the
 * correction of a FINAL one), with the whole pay table it changes, since one more FINAL scheda moves every other
 * manager's share of a fund. Its id derives from the plan, the manager and the scheda version, so a re-sent one is
 * recognised. {@code ResultPayRevised}: a managers' fund version entered by HR (a new act) while schede are FINAL,
 * with the pay table it changes; its id derives from the plan, the fund and its version. Contract
 * {@code contract/hr-feed.schema.json}, docs/hr-feed.md.
 */
@Component
class EvaluationEvents implements EvaluationAnnouncements {

	static final String FINALISED = "EvaluationFinalised";

	static final String PAY_REVISED = "ResultPayRevised";

	/** The version of this event type (its own: {@code HrFeedPublished} has its own). */
	static final int SCHEMA_VERSION = 1;

	/**
	 * A FINAL scheda and the pay table with it in. {@code supersedesVersion} and {@code correctionReason} are set
	 * when the version corrects a FINAL one; {@code resultPay} is this manager's part of {@code payTable}.
	 */
	record EvaluationFinalised(String type, int schemaVersion, String eventId, String planId, String entity,
			String checkpoint, int closing, String managerId, String managerName, int version,
			@JsonInclude(JsonInclude.Include.NON_NULL) Integer supersedesVersion,
			@JsonInclude(JsonInclude.Include.NON_NULL) String correctionReason, String policy, String finalisedBy,
			HrFeed.Evaluation evaluation, List<HrFeed.ResultPayShare> resultPay, List<FundTable> payTable,
			List<String> evaluated, List<String> notYetFinal, Instant occurredAt) {
	}

	/** A managers' fund version HR entered (a new act), and the pay table with it in force. */
	record ResultPayRevised(String type, int schemaVersion, String eventId, String planId, String entity,
			String fund, String fundName, int fundVersion, BigDecimal fundAmount, String act, LocalDate actDate,
			@JsonInclude(JsonInclude.Include.NON_NULL) Integer replacesVersion, String enteredBy,
			List<FundTable> payTable, List<String> evaluated, List<String> notYetFinal, Instant occurredAt) {
	}

	/** One managers' fund split among the FINAL schede, with the contract's differentiation check. */
	record FundTable(String fund, String fundName, int fundVersion, BigDecimal fundAmount, String act,
			LocalDate actDate, BigDecimal averagePerHead, BigDecimal paid, BigDecimal unpaid, Check check,
			List<Line> lines) {
	}

	record Check(BigDecimal requiredPremium, int maxManagers, int differentiatedManagers, BigDecimal lowestPremium,
			boolean holds, String explanation) {
	}

	record Line(String managerId, BigDecimal total, String band, BigDecimal share, boolean differentiated,
			BigDecimal amount, String arithmetic) {
	}

	private final PayTables pay;

	private final JsonMapper json;

	private final Clock clock;

	EvaluationEvents(PayTables pay, JsonMapper json, Clock clock) {
		this.pay = pay;
		this.json = json;
		this.clock = clock;
	}

	static String eventId(String planId, String managerId, int version) {
		return UUID.nameUUIDFromBytes((FINALISED + "#" + planId + "#" + managerId + "#" + version)
				.getBytes(StandardCharsets.UTF_8)).toString();
	}

	static String fundEventId(String planId, String fund, int version) {
		return UUID.nameUUIDFromBytes((PAY_REVISED + "#" + planId + "#" + fund + "#" + version)
				.getBytes(StandardCharsets.UTF_8)).toString();
	}

	@Override
	public OutboxEntry fundEntered(FundDocument f) {
		List<SchedaDocument> finals = pay.finals(f.planId());
		PayTables.PayReport report = finals.isEmpty() ? null : pay.reportWith(f);
		if (report == null) {
			return null;
		}
		List<FundTable> tables = report.funds().stream().filter(p -> p.table() != null)
			.map(p -> table(p.fund(), p.table())).toList();
		Instant now = clock.instant();
		ResultPayRevised event = new ResultPayRevised(PAY_REVISED, SCHEMA_VERSION,
				fundEventId(f.planId(), f.code(), f.version()), f.planId(), finals.get(0).entity(), f.code(), f.name(),
				f.version(), f.amount(), f.act(), f.actDate(), f.version() > 1 ? f.version() - 1 : null, f.enteredBy(),
				tables, report.evaluated(), report.notYetFinal(), now);
		return new OutboxEntry(event.eventId(), f.planId(), PAY_REVISED, json.writeValueAsString(event),
				now.toEpochMilli());
	}

	@Override
	public OutboxEntry finalised(SchedaDocument d) {
		PayTables.PayReport report = pay.reportWith(d);
		List<HrFeed.ResultPayShare> own = new ArrayList<>();
		List<FundTable> tables = new ArrayList<>();
		for (PayTables.FundPay fundPay : report.funds()) {
			if (fundPay.table() == null) {
				continue;
			}
			HrFeedService.resultPay(fundPay, d.managerId()::equals).values().forEach(own::addAll);
			tables.add(table(fundPay.fund(), fundPay.table()));
		}
		List<Step> history = d.history();
		String by = history.isEmpty() ? null : history.get(history.size() - 1).actor();
		boolean correction = d.version() > 1 && d.correctionReason() != null;
		Instant now = clock.instant();
		EvaluationFinalised event = new EvaluationFinalised(FINALISED, SCHEMA_VERSION,
				eventId(d.planId(), d.managerId(), d.version()), d.planId(), d.entity(), d.checkpoint(), d.closing(),
				d.managerId(), d.managerName(), d.version(), correction ? d.version() - 1 : null,
				correction ? d.correctionReason() : null, d.policy(), by, HrFeedService.evaluation(d), List.copyOf(own),
				List.copyOf(tables), report.evaluated(), report.notYetFinal(), now);
		return new OutboxEntry(event.eventId(), d.planId(), FINALISED, json.writeValueAsString(event),
				now.toEpochMilli());
	}

	private static FundTable table(FundDocument f, ResultPay.PayTable t) {
		ResultPay.DifferentiationCheck c = t.check();
		return new FundTable(f.code(), f.name(), f.version(), f.amount(), f.act(), f.actDate(), t.averagePerHead(),
				t.paid(), t.unpaid(), c == null ? null : new Check(c.requiredPremium(), c.maxManagers(),
						c.differentiatedManagers(), c.lowestPremium(), c.holds(), c.explanation()),
				t.lines().stream().map(l -> new Line(l.managerId(), l.total(), l.band(), l.share(), l.differentiated(),
						l.amount(), l.arithmetic())).toList());
	}
}
