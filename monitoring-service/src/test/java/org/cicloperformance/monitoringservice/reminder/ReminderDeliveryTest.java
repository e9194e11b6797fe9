package org.cicloperformance.monitoringservice.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cicloperformance.monitoringservice.calendar.Calendars;
import org.cicloperformance.monitoringservice.calendar.ReportingClock;
import org.cicloperformance.monitoringservice.completion.CompletionBoard;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.ReportingFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reminders through a real SMTP server (GreenMail), read back from it. Each "replica" is a sender of its own (its
 * own ledger object, SMTP client and instance id) over the shared database, as a second replica or the same
 * service after a restart would be: nothing but the database is shared.
 */
class ReminderDeliveryTest extends IntegrationTestBase {

	static GreenMail smtp;

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

	ReportingFixture f;

	@BeforeAll
	static void smtpServer() {
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
	}

	@AfterAll
	static void stopSmtpServer() {
		smtp.stop();
	}

	@BeforeEach
	void aPlanWithACalendarAndOneResult() throws Exception {
		f = new ReportingFixture(mvc, plans);
		f.setCalendar(f.calendar("[-7,3]", "it"));
		f.postFirstResult();
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	private void at(String date) {
		clock.moveTo(LocalDate.parse(date).atTime(9, 0).atZone(clock.zone()).toInstant());
	}

	static JavaMailSenderImpl smtpClient() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

	/** A sender process of its own; {@code retryAfter} zero lets the next round retry a failed send. */
	ReminderRun replica(JavaMailSender mail) {
		return new ReminderRun(calendars, board, new ReminderLedger(mongo), texts, mail,
				new ReminderSettings(true, Duration.ofMinutes(1), "ciclo@ente.example", Duration.ZERO, 3, 7), clock,
				Clock.systemUTC(), new SimpleMeterRegistry());
	}

	/** The messages received for this test's addresses. */
	List<MimeMessage> received() throws Exception {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
			if (to.contains(f.tag)) {
				mine.add(m);
			}
		}
		return mine;
	}

	List<MimeMessage> to(String address) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : received()) {
			if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
				found.add(m);
			}
		}
		return found;
	}

	static String body(MimeMessage m) throws Exception {
		return m.getContent().toString();
	}

	@Test
	void aWeekBeforeTheDeadlineEachOfficeGetsItsMissingIndicatorsAndThePlannerADigest() throws Exception {
		at(ReportingFixture.next("01-08"));

		replica(smtpClient()).runOnce();

		assertThat(received()).hasSize(3);
		MimeMessage ana = to(f.ana).get(0);
		assertThat(ana.getSubject()).startsWith("Promemoria: 3 indicatori da rendicontare entro il 15 gennaio");
		assertThat(body(ana)).contains("Gentile Ufficio anagrafe", "- 1.1.1/2 ", "- 1.1.1/3 ", "- 1.1.1/4 ",
				"referente: ufficio-registro").doesNotContain("1.1.1/1 ", "1.1.2/");
		MimeMessage prm = to(f.prm).get(0);
		assertThat(body(prm)).contains("- 1.1.2/1 ", "- 1.1.2/2 ", "- 1.1.2/3 ").doesNotContain("1.1.1/");
		MimeMessage digest = to(f.planner).get(0);
		assertThat(digest.getSubject()).startsWith("Riepilogo promemoria: 6 indicatori mancanti");
		assertThat(body(digest)).contains("- ANA: 3 mancanti su 4", "promemoria a " + f.ana, "- PRM: 3 mancanti su 3");
	}

	@Test
	void afterTheDeadlineTheLateIndicatorsAreChasedInTheCalendarsLanguage() throws Exception {
		f.setCalendar(f.calendar("[-7,3]", "en"));
		at(ReportingFixture.next("01-18"));

		replica(smtpClient()).runOnce();

		MimeMessage prm = to(f.prm).get(0);
		assertThat(prm.getSubject()).startsWith("Overdue: 3 indicators not reported, deadline January 15");
		assertThat(body(prm)).contains("Dear Ufficio promozione", "closed on January 15", "- 1.1.2/3 ");
		assertThat(received()).hasSize(3);
	}

	@Test
	void noReminderIsSentTwiceForAStepAcrossRestarts() throws Exception {
		at(ReportingFixture.next("01-08"));
		replica(smtpClient()).runOnce();
		assertThat(received()).hasSize(3);

		at(ReportingFixture.next("01-10"));
		replica(smtpClient()).runOnce();
		assertThat(received()).as("a restarted service, same step: nothing more").hasSize(3);

		at(ReportingFixture.next("01-18"));
		replica(smtpClient()).runOnce();
		replica(smtpClient()).runOnce();
		assertThat(received()).as("the next step is another reminder, once").hasSize(6);
		assertThat(to(f.ana)).hasSize(2);
		assertThat(to(f.ana).get(1).getSubject()).startsWith("Sollecito: 3 indicatori non rendicontati");
	}

	@Test
	void twoReplicasSendingAtOnceSendEachReminderOnce() throws Exception {
		at(ReportingFixture.next("01-08"));
		ReminderRun first = replica(smtpClient());
		ReminderRun second = replica(smtpClient());
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				CyclicBarrier together = new CyclicBarrier(2);
				Future<Integer> a = threads.submit(() -> {
					together.await();
					return first.runOnce();
				});
				Future<Integer> b = threads.submit(() -> {
					together.await();
					return second.runOnce();
				});
				a.get();
				b.get();
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(received()).hasSize(3);
		assertThat(to(f.ana)).hasSize(1);
		assertThat(to(f.prm)).hasSize(1);
		assertThat(to(f.planner)).hasSize(1);
	}

	@Test
	void aFailedSendIsRetriedLaterAndSentOnce() throws Exception {
		at(ReportingFixture.next("01-08"));
		AtomicInteger failures = new AtomicInteger();
		JavaMailSenderImpl relayDownForPrm = new JavaMailSenderImpl() {
			@Override
			public void send(SimpleMailMessage message) {
				send(new SimpleMailMessage[] { message });
			}

			@Override
			public void send(SimpleMailMessage... messages) {
				if (messages[0].getTo()[0].equals(f.prm) && failures.getAndIncrement() == 0) {
					throw new MailSendException("relay down");
				}
				smtpClient().send(messages);
			}
		};

		replica(relayDownForPrm).runOnce();
		assertThat(to(f.prm)).isEmpty();
		assertThat(received()).hasSize(2);
		mvc.perform(get("/api/reminders").param("planId", f.planId).param("checkpoint", ReportingFixture.CHECKPOINT)
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.office == 'PRM')].state").value("FAILED"))
				.andExpect(jsonPath("$[?(@.office == 'ANA')].state").value("SENT"));

		replica(relayDownForPrm).runOnce();
		replica(smtpClient()).runOnce();
		assertThat(to(f.prm)).hasSize(1);
		assertThat(received()).hasSize(3);
		assertThat(to(f.ana)).hasSize(1);
		mvc.perform(get("/api/reminders").param("planId", f.planId).param("checkpoint", ReportingFixture.CHECKPOINT)
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore")))
				.andExpect(jsonPath("$[?(@.office == 'PRM')].state").value("SENT"))
				.andExpect(jsonPath("$[?(@.office == 'PRM')].attempts").value(2))
				.andExpect(jsonPath("$[?(@.office == 'PRM')].indicators[0]").value("1.1.2/1"));
	}

	@Test
	void aSendThatKeepsFailingIsGivenUpAfterTheLastAttempt() throws Exception {
		at(ReportingFixture.next("01-08"));
		JavaMailSenderImpl relayRefusingPrm = new JavaMailSenderImpl() {
			@Override
			public void send(SimpleMailMessage message) {
				send(new SimpleMailMessage[] { message });
			}

			@Override
			public void send(SimpleMailMessage... messages) {
				if (messages[0].getTo()[0].equals(f.prm)) {
					throw new MailSendException("mailbox unavailable");
				}
				smtpClient().send(messages);
			}
		};

		for (int round = 0; round < 5; round++) {
			replica(relayRefusingPrm).runOnce();
		}

		assertThat(to(f.prm)).isEmpty();
		assertThat(to(f.ana)).hasSize(1);
		mvc.perform(get("/api/reminders").param("planId", f.planId).param("checkpoint", ReportingFixture.CHECKPOINT)
				.header(HttpHeaders.AUTHORIZATION, basic("oiv"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.office == 'PRM')].state").value("GAVE_UP"))
				.andExpect(jsonPath("$[?(@.office == 'PRM')].attempts").value(3))
				.andExpect(jsonPath("$[?(@.office == 'PRM')].error").value("mailbox unavailable"));
	}

	@Test
	void aCalendarWithoutReminderDaysSendsNothing() throws Exception {
		at(ReportingFixture.next("01-08"));
		ReportingFixture empty = new ReportingFixture(mvc, plans);
		empty.setCalendar(empty.calendar("[]", "it"));

		replica(smtpClient()).runOnce();

		assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getRecipients(Message.RecipientType.TO)[0].toString().contains(empty.tag);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		})).as("a calendar without reminder days sends nothing").isEmpty();
	}
}
