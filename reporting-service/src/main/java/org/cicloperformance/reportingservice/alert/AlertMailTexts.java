package org.cicloperformance.reportingservice.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cicloperformance.reportingservice.alert.AlertMailEntry.Note;
import org.cicloperformance.reportingservice.forecast.Forecast;
import org.cicloperformance.reportingservice.forecast.PlanForecast;
import org.cicloperformance.reportingservice.forecast.PlanForecast.IndicatorForecast;
import org.cicloperformance.reportingservice.format.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The alert e-mails' subjects and bodies, from the message bundles ({@code alertMail.*}) in the policy's language:
 * Italian by default, English when the policy says {@code en}. The forecast's own words (reason, method, arithmetic)
 * come from forecast/Forecasts in the same language, so the message explains the alert as the dashboard does; the
 * links lead to the dashboard's alert and to the proposals flow of plan-service.
 */
@Component
class AlertMailTexts {

	record Text(String subject, String body) {
	}

	private final MessageSource messages;

	private final AlertMailSettings settings;

	AlertMailTexts(MessageSource messages, AlertMailSettings settings) {
		this.messages = messages;
		this.settings = settings;
	}

	static Locale locale(AlertMailPolicy policy) {
		return "en".equals(policy.language()) ? Locale.ENGLISH : Locale.ITALIAN;
	}

	/**
	 * The message about one alert. {@code i} is the indicator's forecast now (for a clearing, the forecast back on
	 * target); {@code managerName} null when the policy has no name for the manager.
	 */
	Text of(AlertMailPolicy policy, PlanForecast plan, IndicatorForecast i, Note note, String managerName) {
		Locale locale = locale(policy);
		Formats formats = "en".equals(locale.getLanguage()) ? Formats.following(() -> Locale.ENGLISH)
				: Formats.italian();
		Forecast f = i.forecast();
		String code = i.objective() + "/" + i.indicator();
		String severity = f.alert() == null ? "" : get("alertMail.severity." + f.alert().severity().name(), locale);
		Object[] args = { plan.planId(), code, i.name() == null ? "" : i.name(), formats.date(plan.finalDate()),
				severity, managerName == null ? i.manager() : managerName };
		String when = note == Note.RAISED ? "raised" : "cleared";
		StringBuilder body = new StringBuilder(get("alertMail.greeting", locale, args)).append("\n\n")
				.append(get("alertMail.body." + when, locale, args)).append("\n\n");
		if (f.alert() != null) {
			body.append(get("alertMail.reason", locale, f.alert().reason())).append('\n');
		}
		body.append(get("alertMail.method", locale, get("forecast.method." + f.method().name(), locale),
				f.arithmetic() == null ? f.reason() : f.arithmetic())).append('\n');
		if (i.officeCommentary() != null) {
			body.append(get("alertMail.commentary", locale, i.officeCommentary())).append('\n');
		}
		body.append('\n');
		if (note == Note.RAISED) {
			body.append(get("alertMail.propose", locale, settings.planServiceUrl()
					+ "/swagger-ui/index.html#/Proposte/propose")).append('\n');
			body.append(get("alertMail.proposeRequest", locale,
					settings.planServiceUrl() + "/api/plans/" + segment(plan.planId()) + "/proposals",
					plan.finalCheckpoint(), i.objective(), i.indicator(),
					f.expectedText() == null ? "-" : f.expectedText())).append('\n');
		}
		body.append(get("alertMail.dashboard", locale, settings.dashboardUrl() + "/dashboard/plans/"
				+ segment(plan.planId()) + "/alerts#alert-" + i.objective() + "-" + i.indicator())).append('\n');
		if (i.manager() != null) {
			body.append(get("alertMail.managerPage", locale, settings.dashboardUrl() + "/dashboard/plans/"
					+ segment(plan.planId()) + "/managers/" + segment(i.manager()))).append('\n');
		}
		body.append('\n').append(get("alertMail.footer", locale, args)).append('\n');
		return new Text(get("alertMail.subject." + when, locale, args), body.toString());
	}

	private String get(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
