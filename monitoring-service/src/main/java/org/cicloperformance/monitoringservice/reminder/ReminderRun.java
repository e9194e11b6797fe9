package org.cicloperformance.monitoringservice.reminder;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cicloperformance.monitoringservice.calendar.Calendars;
import org.cicloperformance.monitoringservice.calendar.ReportingCalendar;
import org.cicloperformance.monitoringservice.calendar.ReportingClock;
import org.cicloperformance.monitoringservice.completion.CompletionBoard;
import org.cicloperformance.monitoringservice.completion.CompletionView;
import org.cicloperformance.monitoringservice.completion.CompletionView.IndicatorCompletion;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.reminder.ReminderTexts.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * One round of reminders: for every calendar whose policy has a step due today (reporting clock), each office with
 * indicators still outstanding gets one message listing them, and the planner one digest. Each message is claimed
 * in the ledger before it is sent, so that whatever runs this (the scheduler of any replica, before or after a
 * restart) sends it once.
 */
@Component
class ReminderRun {

	static final String PLANNER = "_planner";

	private static final Logger log = LoggerFactory.getLogger(ReminderRun.class);

	private final Calendars calendars;

	private final CompletionBoard board;

	private final ReminderLedger ledger;

	private final ReminderTexts texts;

	private final JavaMailSender mail;

	private final ReminderSettings settings;

	private final ReportingClock reportingClock;

	private final Clock clock;

	private final MeterRegistry meters;

	/** Who claims, in the ledger: this process (a replica, or the same one after a restart, is another). */
	private final String instance = UUID.randomUUID().toString();

	@Autowired
	ReminderRun(Calendars calendars, CompletionBoard board, ReminderLedger ledger, ReminderTexts texts,
			ObjectProvider<JavaMailSender> mail, ReminderSettings settings, ReportingClock reportingClock, Clock clock,
			MeterRegistry meters) {
		this(calendars, board, ledger, texts, mail.getIfAvailable(), settings, reportingClock, clock, meters);
	}

	ReminderRun(Calendars calendars, CompletionBoard board, ReminderLedger ledger, ReminderTexts texts,
			JavaMailSender mail, ReminderSettings settings, ReportingClock reportingClock, Clock clock,
			MeterRegistry meters) {
		this.calendars = calendars;
		this.board = board;
		this.ledger = ledger;
		this.texts = texts;
		this.mail = mail;
		this.settings = settings;
		this.reportingClock = reportingClock;
		this.clock = clock;
		this.meters = meters;
	}

	/** Whether this service can send at all: reminders enabled and an SMTP relay configured (spring.mail.host). */
	boolean canSend() {
		return settings.enabled() && mail != null;
	}

	boolean hasRelay() {
		return mail != null;
	}

	/** Sends what is due now; answers how many messages this call sent. */
	int runOnce() {
		int sent = 0;
		for (ReportingCalendar calendar : calendars.all()) {
			try {
				sent += remind(calendar);
			}
			catch (RefusedException e) {
				// the plan or its version is not (yet) known here: nothing to compare the calendar with
				log.debug("reminders of {} skipped: {}", calendar.id(), e.getMessage());
			}
		}
		return sent;
	}

	private int remind(ReportingCalendar calendar) {
		Optional<Integer> step = ReminderSchedule.dueStep(calendar.reminderDays(), calendar.closesOn(),
				reportingClock.today(), settings.lastStepDays());
		if (step.isEmpty()) {
			return 0;
		}
		CompletionView view = board.of(calendar.entity(), calendar.planId(), calendar.checkpoint());
		Map<String, List<IndicatorCompletion>> outstanding = new LinkedHashMap<>();
		view.indicators().stream().filter(i -> i.status().outstanding())
				.forEach(i -> outstanding.computeIfAbsent(i.office() == null ? "-" : i.office(), k -> new ArrayList<>())
						.add(i));
		if (outstanding.isEmpty()) {
			return 0;
		}
		int sent = 0;
		Map<String, String> sentTo = new LinkedHashMap<>();
		for (Map.Entry<String, List<IndicatorCompletion>> office : outstanding.entrySet()) {
			String address = calendar.contact(office.getKey()).map(c -> c.email()).orElse(null);
			if (address != null) {
				sentTo.put(office.getKey(), address);
			}
			Text text = texts.office(calendar, office.getKey(), step.get(), office.getValue());
			sent += send(calendar, office.getKey(), step.get(), address, keys(office.getValue()), text);
		}
		Text digest = texts.digest(calendar, step.get(), view.byOffice(), sentTo);
		List<String> all = outstanding.values().stream().flatMap(l -> keys(l).stream()).toList();
		sent += send(calendar, PLANNER, step.get(), calendar.plannerEmail(), all, digest);
		return sent;
	}

	/** Claims, then sends and records the outcome; 1 when this call sent the message. */
	private int send(ReportingCalendar calendar, String office, int step, String to, List<String> indicators,
			Text text) {
		Instant now = clock.instant();
		String id = ReminderEntry.idOf(calendar.planId(), calendar.checkpoint(), office, ReminderSchedule.name(step));
		ReminderEntry claim = new ReminderEntry(id, calendar.entity(), calendar.planId(), calendar.checkpoint(), office,
				ReminderSchedule.name(step), to, indicators, ReminderEntry.State.CLAIMED, 1, instance, now, null, null,
				null);
		if (!ledger.claim(claim, now, settings.maxAttempts())) {
			return 0;
		}
		if (to == null) {
			ledger.noAddress(id);
			count("no-address");
			return 0;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(settings.from());
		message.setTo(to);
		message.setSubject(text.subject());
		message.setText(text.body());
		try {
			mail.send(message);
		}
		catch (MailException e) {
			ledger.failed(id, String.valueOf(e.getMessage()).substring(0, Math.min(500,
					String.valueOf(e.getMessage()).length())), clock.instant().plus(settings.retryAfter()));
			count("failed");
			log.warn("reminder {} to {} not sent, retried after {}: {}", id, to, settings.retryAfter(), e.toString());
			return 0;
		}
		ledger.sent(id, clock.instant());
		count("sent");
		return 1;
	}

	private void count(String outcome) {
		meters.counter("monitoring.reminders", "outcome", outcome).increment();
	}

	private static List<String> keys(List<IndicatorCompletion> indicators) {
		return indicators.stream().map(i -> i.objective() + "/" + i.indicator()).toList();
	}
}
