package org.cicloperformance.reportingservice.alert;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cicloperformance.reportingservice.alert.AlertMailEntry.Note;
import org.cicloperformance.reportingservice.alert.AlertMailTexts.Text;
import org.cicloperformance.reportingservice.alert.AlertStates.State;
import org.cicloperformance.reportingservice.forecast.Forecasts;
import org.cicloperformance.reportingservice.forecast.PlanForecast;
import org.cicloperformance.reportingservice.forecast.PlanForecast.IndicatorForecast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * One round of alert e-mails: for every plan whose policy turns them on, the forecasts as they stand now
 * (forecast/Forecasts, computed from the results) are compared with the alerts' recorded states. An alert seen for
 * the first time, or again after it cleared, is a new raise ({@link AlertStates}); its message (to the manager of
 * the indicator's objective, copy to the planner) is claimed in the ledger before it is sent, so that whatever runs
 * this (the scheduler of any replica, before or after a restart) sends it once. An alert no longer seen is cleared,
 * with a note when the policy asks for one.
 */
@Component
class AlertMailRun {

	private static final Logger log = LoggerFactory.getLogger(AlertMailRun.class);

	private final AlertMailPolicies policies;

	private final Forecasts forecasts;

	private final AlertStates states;

	private final AlertMailLedger ledger;

	private final AlertMailTexts texts;

	private final JavaMailSender mail;

	private final AlertMailSettings settings;

	private final Clock clock;

	private final MeterRegistry meters;

	/** Who claims, in the ledger: this process (a replica, or the same one after a restart, is another). */
	private final String instance = UUID.randomUUID().toString();

	@Autowired
	AlertMailRun(AlertMailPolicies policies, Forecasts forecasts, AlertStates states, AlertMailLedger ledger,
			AlertMailTexts texts, ObjectProvider<JavaMailSender> mail, AlertMailSettings settings, Clock clock,
			MeterRegistry meters) {
		this(policies, forecasts, states, ledger, texts, mail.getIfAvailable(), settings, clock, meters);
	}

	AlertMailRun(AlertMailPolicies policies, Forecasts forecasts, AlertStates states, AlertMailLedger ledger,
			AlertMailTexts texts, JavaMailSender mail, AlertMailSettings settings, Clock clock, MeterRegistry meters) {
		this.policies = policies;
		this.forecasts = forecasts;
		this.states = states;
		this.ledger = ledger;
		this.texts = texts;
		this.mail = mail;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
	}

	/** Whether this service can send at all: alert e-mails enabled and an SMTP relay configured. */
	boolean canSend() {
		return settings.enabled() && mail != null;
	}

	boolean hasRelay() {
		return mail != null;
	}

	/** Sends what is due now; answers how many messages this call sent. */
	int runOnce() {
		int sent = 0;
		for (AlertMailPolicy policy : policies.enabled()) {
			try {
				sent += round(policy);
			}
			catch (RuntimeException e) {
				// one plan's trouble (its data, a refused relay) must not stop the others' messages
				log.warn("alert e-mails of plan {} skipped this round: {}", policy.planId(), e.toString());
			}
		}
		return sent;
	}

	/** One plan's round; 0 when its policy is off, there is no relay, or the plan has no forecasts. */
	int round(AlertMailPolicy policy) {
		if (!policy.enabled() || mail == null) {
			return 0;
		}
		PlanForecast plan = forecasts.of(policy.planId(), AlertMailTexts.locale(policy)).orElse(null);
		if (plan == null) {
			return 0;
		}
		String checkpoint = plan.finalCheckpoint();
		Map<String, IndicatorForecast> alerting = new LinkedHashMap<>();
		Map<String, IndicatorForecast> byIndicator = new LinkedHashMap<>();
		for (IndicatorForecast i : plan.indicators()) {
			byIndicator.put(i.objective() + "|" + i.indicator(), i);
			if (i.forecast().alert() != null) {
				alerting.put(AlertStates.idOf(plan.planId(), checkpoint, i.objective(), i.indicator(),
						AlertKind.of(i.forecast().method())), i);
			}
		}
		Map<String, State> known = states.of(plan.planId(), checkpoint);
		Map<String, AlertMailEntry> sentBefore = ledger.of(plan.planId());
		Instant now = clock.instant();
		int sent = 0;
		for (Map.Entry<String, IndicatorForecast> alert : alerting.entrySet()) {
			String id = alert.getKey();
			IndicatorForecast i = alert.getValue();
			State state = known.get(id);
			int raise;
			if (state != null && state.active()) {
				raise = state.raise();
			}
			else {
				raise = states.raise(id, plan.planId(), checkpoint, i.objective(), i.indicator(),
						AlertKind.of(i.forecast().method()), state, now)
						.orElseGet(() -> states.find(id).filter(State::active).map(State::raise).orElse(0));
			}
			if (raise > 0) {
				sent += deliver(policy, plan, i, id, raise, Note.RAISED, sentBefore);
			}
		}
		for (State state : known.values()) {
			if (alerting.containsKey(state.id())) {
				continue;
			}
			IndicatorForecast i = byIndicator.get(indicatorOf(state.id()));
			if (state.active()) {
				boolean cleared = states.clear(state.id(), state.raise(), now);
				if (cleared && policy.clearedNotes() && i != null) {
					sent += deliver(policy, plan, i, state.id(), state.raise(), Note.CLEARED, sentBefore);
				}
			}
			else if (policy.clearedNotes() && i != null) {
				// only a failed clearing note is tried again here: the clearing itself was seen by its winner
				AlertMailEntry note = sentBefore.get(AlertMailEntry.idOf(state.id(), state.raise(), Note.CLEARED));
				if (note != null && note.state() == AlertMailEntry.State.FAILED) {
					sent += deliver(policy, plan, i, state.id(), state.raise(), Note.CLEARED, sentBefore);
				}
			}
		}
		return sent;
	}

	/** "objective|indicator" of a state id (plan|checkpoint|objective|indicator|kind). */
	private static String indicatorOf(String stateId) {
		String[] parts = stateId.split("\\|");
		return parts[parts.length - 3] + "|" + parts[parts.length - 2];
	}

	/** Claims, then sends and records the outcome; 1 when this call sent the message. */
	private int deliver(AlertMailPolicy policy, PlanForecast plan, IndicatorForecast i, String stateId, int raise,
			Note note, Map<String, AlertMailEntry> sentBefore) {
		String id = AlertMailEntry.idOf(stateId, raise, note);
		AlertMailEntry before = sentBefore.get(id);
		if (before != null && before.state() != AlertMailEntry.State.FAILED) {
			return 0;
		}
		Instant now = clock.instant();
		AlertMailPolicy.ManagerContact manager = i.manager() == null ? null : policy.manager(i.manager()).orElse(null);
		List<String> to = new ArrayList<>();
		if (manager != null && manager.email() != null) {
			to.add(manager.email());
		}
		if (policy.plannerEmail() != null && !to.contains(policy.plannerEmail())) {
			to.add(policy.plannerEmail());
		}
		Text text = texts.of(policy, plan, i, note, manager == null ? null : manager.name());
		String kind = stateId.substring(stateId.lastIndexOf('|') + 1);
		AlertMailEntry claim = new AlertMailEntry(id, policy.entity(), plan.planId(), plan.finalCheckpoint(),
				i.objective(), i.indicator(), kind, raise, note.name(),
				i.forecast().alert() == null ? null : i.forecast().alert().severity().name(), to, text.subject(),
				AlertMailEntry.State.CLAIMED, 1, instance, now, null, null, null);
		if (!ledger.claim(claim, now, settings.maxAttempts())) {
			return 0;
		}
		if (to.isEmpty()) {
			ledger.noAddress(id);
			count("no-address");
			return 0;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(settings.from());
		message.setTo(to.get(0));
		if (to.size() > 1) {
			message.setCc(to.subList(1, to.size()).toArray(String[]::new));
		}
		message.setSubject(text.subject());
		message.setText(text.body());
		try {
			mail.send(message);
		}
		catch (MailException e) {
			String error = String.valueOf(e.getMessage());
			ledger.failed(id, error.substring(0, Math.min(500, error.length())),
					clock.instant().plus(settings.retryAfter()));
			count("failed");
			log.warn("alert e-mail {} to {} not sent, retried after {}: {}", id, to, settings.retryAfter(),
					e.toString());
			return 0;
		}
		ledger.sent(id, clock.instant());
		count("sent");
		return 1;
	}

	private void count(String outcome) {
		meters.counter("reporting.alert.mails", "outcome", outcome).increment();
	}
}
