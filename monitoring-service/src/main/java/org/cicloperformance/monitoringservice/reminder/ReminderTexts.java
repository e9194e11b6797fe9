package org.cicloperformance.monitoringservice.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cicloperformance.monitoringservice.calendar.ReportingCalendar;
import org.cicloperformance.monitoringservice.completion.CompletionView.Group;
import org.cicloperformance.monitoringservice.completion.CompletionView.IndicatorCompletion;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reminders' subjects and bodies, from the message bundles ({@code reminder.*}) in the calendar's language:
 * Italian by default, English when the calendar says {@code en}.
 */
@Component
class ReminderTexts {

	record Text(String subject, String body) {
	}

	private final MessageSource messages;

	ReminderTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** To an office: its outstanding indicators, before/on or after the closing date. */
	Text office(ReportingCalendar calendar, String office, int step, List<IndicatorCompletion> outstanding) {
		Locale locale = locale(calendar);
		String when = step > 0 ? "after" : "before";
		String officeName = calendar.contact(office).map(c -> c.name() != null ? c.name() : office).orElse(office);
		Object[] args = { calendar.planId(), calendar.checkpoint(), date(calendar.closesOn(), locale),
				String.valueOf(outstanding.size()), officeName };
		StringBuilder body = new StringBuilder(get("reminder.office.body." + when, args, locale)).append("\n\n");
		for (IndicatorCompletion i : outstanding) {
			body.append(get("reminder.line", new Object[] { i.objective() + "/" + i.indicator(),
					i.name() == null ? "" : i.name(), i.manager() == null ? "-" : i.manager(),
					i.user() == null ? "-" : i.user() }, locale)).append('\n');
		}
		body.append('\n').append(get("reminder.footer", args, locale)).append('\n');
		return new Text(get("reminder.office.subject." + when, args, locale), body.toString());
	}

	/** To the planner: every office's share, and where its reminder went (or that it has no address). */
	Text digest(ReportingCalendar calendar, int step, List<Group> byOffice, Map<String, String> sentTo) {
		Locale locale = locale(calendar);
		int outstanding = byOffice.stream().mapToInt(g -> g.outstanding().size()).sum();
		Object[] args = { calendar.planId(), calendar.checkpoint(), date(calendar.closesOn(), locale),
				String.valueOf(outstanding), String.valueOf(step) };
		StringBuilder body = new StringBuilder(get("reminder.digest.body", args, locale)).append("\n\n");
		for (Group g : byOffice) {
			if (g.outstanding().isEmpty()) {
				continue;
			}
			String to = sentTo.get(g.key());
			body.append(get("reminder.digest.line", new Object[] { g.key(), String.valueOf(g.outstanding().size()),
					String.valueOf(g.counts().due()), String.join(", ", g.outstanding()),
					to == null ? get("reminder.digest.no-address", null, locale) : to }, locale)).append('\n');
		}
		body.append('\n').append(get("reminder.footer", args, locale)).append('\n');
		return new Text(get("reminder.digest.subject", args, locale), body.toString());
	}

	private String get(String key, Object[] args, Locale locale) {
		return messages.getMessage(key, args, locale);
	}

	private static Locale locale(ReportingCalendar calendar) {
		return "en".equals(calendar.language()) ? Locale.ENGLISH : Locale.ITALIAN;
	}

	private static String date(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
	}
}
