package org.cicloperformance.reportingservice.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cicloperformance.reportingservice.forecast.Forecasts;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Forecast alerts by e-mail through a real SMTP server (GreenMail), read back from it. The alerts are the 2018
 * demo's (5 at 31/12 from the 30/6 results, forecast/ForecastApiTest). Each "replica" is a sender of its own (its
 * own states, ledger, SMTP client and instance id) over a database of the test's own, as a second replica or the
 * same service after a restart would be: nothing but that database is shared.
 */
class AlertMailDeliveryTest extends IntegrationTest {

	/** The demo copy that forecast/ForecastApiTest reads: never changed. */
	static final String PLAN = "forecast-demo-2018";

	static final String DASHBOARD = "http://cruscotto.example:8083";

	static final String PLAN_SERVICE = "http://piani.example:8081";

	static GreenMail smtp;

	@Autowired
	Forecasts forecasts;

	@Autowired
	MessageSource messages;

	@Autowired
	MongoClient client;

	MongoTemplate database;

	/** This test's addresses: a domain of its own, so the server's other messages are not counted. */
	String domain;

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
	void theDemoAndADatabaseOfTheTestsOwn() {
		DemoStack.seed(PLAN, scores);
		database = new MongoTemplate(client, "alert-mail-" + System.nanoTime());
		domain = "ente" + System.nanoTime() + ".example";
	}

	static AlertMailSettings settings() {
		return new AlertMailSettings(true, Duration.ofMinutes(1), "ciclo@ente.example", Duration.ZERO, 3, DASHBOARD,
				PLAN_SERVICE);
	}

	static JavaMailSenderImpl smtpClient() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

	/** A sender process of its own over the test's database. */
	AlertMailRun replica() {
		return new AlertMailRun(new AlertMailPolicies(database, Clock.systemUTC()), forecasts,
				new AlertStates(database), new AlertMailLedger(database), new AlertMailTexts(messages, settings()),
				smtpClient(), settings(), Clock.systemUTC(), new SimpleMeterRegistry());
	}

	AlertMailPolicy policy(String plan, boolean enabled, String language, boolean clearedNotes) {
		return new AlertMailPolicy(plan, "cciaa-brescia", enabled, language, "pianificazione@" + domain,
				List.of(new AlertMailPolicy.ManagerContact("dazzeo", "Dott. Dazzeo", "dazzeo@" + domain),
						new AlertMailPolicy.ManagerContact("ziletti", "Dott. Ziletti", "ziletti@" + domain),
						new AlertMailPolicy.ManagerContact("vairano", "Dott. Vairano", "vairano@" + domain)),
				clearedNotes, 1, null, "pianificatore");
	}

	/** The messages received at this test's addresses, one per message (the copies of its recipients merged). */
	List<MimeMessage> received() throws Exception {
		List<MimeMessage> mine = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			String to = Arrays.toString(m.getRecipients(Message.RecipientType.TO));
			if (to.contains(domain) && !seen.contains(m.getMessageID())) {
				seen.add(m.getMessageID());
				mine.add(m);
			}
		}
		return mine;
	}

	MimeMessage about(String indicator) throws Exception {
		return received().stream().filter(m -> {
			try {
				return m.getSubject().contains("indicatore " + indicator + " ")
						|| m.getSubject().contains("indicator " + indicator + " ");
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).findFirst().orElseThrow(() -> new AssertionError("no message about " + indicator));
	}

	@Test
	void eachRaisedAlertIsMailedToTheManagerAndThePlannerInItalianWithTheLinkToProposeARevision() throws Exception {
		int sent = replica().round(policy(PLAN, true, "it", false));

		assertThat(sent).as("the demo's 5 alerts at 31/12").isEqualTo(5);
		assertThat(received()).hasSize(5);
		MimeMessage suap = about("2.1.2/5");
		assertThat(suap.getSubject()).isEqualTo("[" + PLAN + "] Allerta previsione (alta): indicatore 2.1.2/5 al "
				+ "31/12/2018");
		assertThat(Arrays.toString(suap.getRecipients(Message.RecipientType.TO))).isEqualTo("[dazzeo@" + domain + "]");
		assertThat(Arrays.toString(suap.getRecipients(Message.RecipientType.CC)))
				.isEqualTo("[pianificazione@" + domain + "]");
		assertThat(Arrays.toString(suap.getFrom())).isEqualTo("[ciclo@ente.example]");
		String text = text(suap);
		assertThat(text).startsWith("Per Dott. Dazzeo (dirigente responsabile dell'obiettivo) e per l'ufficio di "
				+ "pianificazione,\n\nla previsione a fine anno dell'indicatore 2.1.2/5");
		assertThat(text).contains("non raggiunge il valore atteso al 31/12/2018: allerta di gravità alta.")
				.contains("Motivo: previsti 10 contro un valore atteso di 65 al 31/12/2018 (scarto 55, oltre il 20%)")
				.contains("Metodo: lineare alla data. Calcolo: 5 al 30/06/2018 × 365 / 181 giorni = 10 previsti")
				.contains(PLAN_SERVICE + "/swagger-ui/index.html#/Proposte/propose")
				.contains("POST " + PLAN_SERVICE + "/api/plans/" + PLAN + "/proposals con checkpoint 2018-12-31, "
						+ "obiettivo 2.1.2, indicatore 5")
				.contains(DASHBOARD + "/dashboard/plans/" + PLAN + "/alerts#alert-2.1.2-5")
				.contains(DASHBOARD + "/dashboard/plans/" + PLAN + "/managers/dazzeo");
		assertThat(about("2.2.1/1").getSubject()).as("milestones late by 30 days: MEDIUM")
				.isEqualTo("[" + PLAN + "] Allerta previsione (media): indicatore 2.2.1/1 al 31/12/2018");
	}

	@Test
	void afterARestartOrOnAnotherReplicaNoAlertIsMailedTwice() throws Exception {
		AlertMailPolicy policy = policy(PLAN, true, "it", false);
		assertThat(replica().round(policy)).isEqualTo(5);

		// the service restarted (a new process: new instance id, new objects) and a second replica
		assertThat(replica().round(policy)).isZero();
		assertThat(replica().round(policy)).isZero();

		assertThat(received()).hasSize(5);
		assertThat(new AlertMailLedger(database).list(PLAN)).hasSize(5)
				.allSatisfy(e -> assertThat(e.state()).isEqualTo(AlertMailEntry.State.SENT))
				.allSatisfy(e -> assertThat(e.raise()).isEqualTo(1));
	}

	@Test
	void twoReplicasRunningAtOnceMailEachAlertOnce() throws Exception {
		AlertMailPolicy policy = policy(PLAN, true, "it", false);
		int replicas = 4;
		CyclicBarrier start = new CyclicBarrier(replicas);
		ExecutorService threads = Executors.newFixedThreadPool(replicas);
		try {
			List<Future<Integer>> rounds = new ArrayList<>();
			for (int r = 0; r < replicas; r++) {
				AlertMailRun replica = replica();
				rounds.add(threads.submit(() -> {
					start.await();
					return replica.round(policy);
				}));
			}
			int sent = 0;
			for (Future<Integer> round : rounds) {
				sent += round.get();
			}
			assertThat(sent).isEqualTo(5);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(received()).hasSize(5);
	}

	@Test
	void noAlertIsMailedWhileThePlansPolicyIsOffOrNoneIsSet() throws Exception {
		AlertMailPolicies policies = new AlertMailPolicies(database, Clock.systemUTC());
		AlertMailRun run = replica();

		assertThat(run.runOnce()).as("no policy set: off").isZero();
		policies.put(PLAN, "cciaa-brescia", "pianificatore", new AlertMailRequest(false, "it",
				"pianificazione@" + domain, List.of(new AlertMailPolicy.ManagerContact("dazzeo", null,
						"dazzeo@" + domain)), false));
		assertThat(run.runOnce()).isZero();
		assertThat(run.round(policy(PLAN, false, "it", false))).isZero();

		assertThat(received()).isEmpty();
		assertThat(new AlertMailLedger(database).list(PLAN)).isEmpty();

		policies.put(PLAN, "cciaa-brescia", "pianificatore", new AlertMailRequest(true, "it",
				"pianificazione@" + domain, List.of(new AlertMailPolicy.ManagerContact("dazzeo", null,
						"dazzeo@" + domain)), false));
		assertThat(run.runOnce()).as("turned on: the alerts raised now are mailed").isEqualTo(5);
	}

	@Test
	void thePolicyInEnglishMailsTheEnglishTexts() throws Exception {
		replica().round(policy(PLAN, true, "en", false));

		MimeMessage suap = about("2.1.2/5");
		assertThat(suap.getSubject()).isEqualTo("[" + PLAN + "] Forecast alert (high): indicator 2.1.2/5 at 31/12/2018");
		assertThat(text(suap))
				.contains("Reason: 10 expected against a target of 65 at 31/12/2018 (gap 55, over 20%)")
				.contains("To propose a revision of the targets");
	}

	@Test
	void anAlertThatClearsIsNotedAndWhenRaisedAgainIsMailedAgain() throws Exception {
		String plan = "alert-mail-clearing-2018";
		DemoStack.seed(plan, scores);
		AlertMailPolicy policy = policy(plan, true, "it", true);
		assertThat(replica().round(policy)).isEqualTo(5);

		// version 2 of the 30/6 result of 2.2.1/4: 5 × 365 / 181 = 10, on the target of 10 (ForecastApiTest)
		publishResults(plan, List.of(Seed.resultRecorded(plan, "2.2.1", "4", "2018-06-30", 2,
				Seed.numberValue("5"))));
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> replica().round(policy) == 1);
		assertThat(replica().round(policy)).isZero();
		MimeMessage cleared = received().stream().filter(this::isClearing).findFirst().orElseThrow();
		assertThat(cleared.getSubject()).isEqualTo("[" + plan + "] Allerta rientrata: indicatore 2.2.1/4 al 31/12/2018");
		assertThat(text(cleared)).contains("è di nuovo in linea con il valore atteso al 31/12/2018");

		// version 3: 4 × 365 / 181 = 8, short of 10 again: a second raise, mailed again
		publishResults(plan, List.of(Seed.resultRecorded(plan, "2.2.1", "4", "2018-06-30", 3,
				Seed.numberValue("4"))));
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> replica().round(policy) == 1);
		assertThat(replica().round(policy)).isZero();

		assertThat(received()).hasSize(7);
		assertThat(new AlertMailLedger(database).list(plan)).filteredOn(e -> e.indicator().equals("4")
				&& e.objective().equals("2.2.1")).extracting(e -> e.raise() + " " + e.note())
				.containsExactly("1 CLEARED", "1 RAISED", "2 RAISED");
	}

	/** The body as sent (SMTP carries CRLF line ends). */
	static String text(MimeMessage m) throws Exception {
		return m.getContent().toString().replace("\r\n", "\n");
	}

	private boolean isClearing(MimeMessage m) {
		try {
			return m.getSubject().contains("Allerta rientrata");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
