package org.cicloperformance.monitoringservice.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.cicloperformance.monitoringservice.calendar.Calendars;
import org.cicloperformance.monitoringservice.calendar.ReportingClock;
import org.cicloperformance.monitoringservice.completion.CompletionBoard;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.ReportingFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service as deployed: a context of its own with an SMTP relay configured ({@code spring.mail.*}, Boot's mail
 * sender) and the reminder scheduler running every second, over the same database as the other tests. A previous
 * process (another sender over that database) has already sent the step due: the service, started after it, does
 * not send it again, and sends the next step once.
 */
@TestPropertySource(properties = { "monitoring.reminders.interval=PT1S", "monitoring.reminders.from=ciclo@ente.example" })
class ReminderSchedulerTest extends IntegrationTestBase {

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		smtp.start();
	}

	@DynamicPropertySource
	static void relay(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	Calendars calendars;

	@Autowired
	CompletionBoard board;

	@Autowired
	ReminderTexts texts;

	@Autowired
	ReportingClock clock;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JavaMailSender configuredRelay;

	@AfterAll
	static void stopSmtpServer() {
		smtp.stop();
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	List<MimeMessage> received(String tag) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getRecipients(Message.RecipientType.TO)[0].toString().contains(tag);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void theScheduledServiceSendsWhatAPreviousProcessHasNotAndNothingTwice() throws Exception {
		ReportingFixture f = new ReportingFixture(mvc, plans);
		f.setCalendar(f.calendar("[-7,3]", "it"));
		f.postFirstResult();
		JavaMailSenderImpl ownClient = new JavaMailSenderImpl();
		ownClient.setHost("127.0.0.1");
		ownClient.setPort(smtp.getSmtp().getPort());
		ReminderRun previousProcess = new ReminderRun(calendars, board, new ReminderLedger(mongo), texts, ownClient,
				new ReminderSettings(true, Duration.ofMinutes(1), "ciclo@ente.example", Duration.ofMinutes(5), 5, 7),
				clock, Clock.systemUTC(), new SimpleMeterRegistry());

		clock.moveTo(LocalDate.parse(ReportingFixture.next("01-08")).atTime(9, 0).atZone(clock.zone()).toInstant());
		previousProcess.runOnce();

		await().atMost(Duration.ofSeconds(30)).until(() -> received(f.tag).size() >= 3);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() -> received(f.tag).size() == 3);

		clock.moveTo(LocalDate.parse(ReportingFixture.next("01-18")).atTime(9, 0).atZone(clock.zone()).toInstant());

		await().atMost(Duration.ofSeconds(60)).until(() -> received(f.tag).size() >= 6);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() -> received(f.tag).size() == 6);
		assertThat(received(f.tag).stream().filter(m -> subject(m).startsWith("Sollecito"))).hasSize(2);
		assertThat(received(f.tag).get(5).getFrom()[0].toString()).isEqualTo("ciclo@ente.example");
		assertThat(configuredRelay).as("Boot's mail sender, from spring.mail.*").isInstanceOf(JavaMailSenderImpl.class);
	}
}
