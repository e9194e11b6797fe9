package org.cicloperformance.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local SMTP server receives what is sent to it and its page lists it, newest first. */
class EmbeddedMailTest {

	@TempDir
	Path data;

	@Test
	void aMessageSentToTheSmtpPortIsListedOnThePageAndAsJson() throws Exception {
		int viewPort = freePort();
		System.setProperty("stack.mail.port", String.valueOf(viewPort));
		var settings = new Settings(Path.of("."), data, "127.0.0.1", freePort(), freePort(), freePort(), freePort(),
				freePort(), freePort(), false, "", List.of("monitoring-service"));
		try (var mail = new EmbeddedMail(settings)) {
			GreenMailUtil.sendTextEmail("area-anagrafica@ente.example", "ciclo@ente.example",
					"Promemoria: 3 indicatori", "Gentile Area Anagrafica, mancano <3> risultati.",
					new ServerSetup(mail.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			Thread.sleep(1100); // the Date header counts seconds
			GreenMailUtil.sendTextEmail("pianificazione@ente.example", "ciclo@ente.example", "Riepilogo promemoria",
					"Riepilogo", new ServerSetup(mail.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

			assertThat(mail.viewUrl()).isEqualTo("http://localhost:" + viewPort + "/");
			var http = HttpClient.newHttpClient();
			String json = http.send(HttpRequest.newBuilder(URI.create(mail.viewUrl() + "api/messages")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			assertThat(json).contains("\"to\":\"area-anagrafica@ente.example\"", "\"subject\":\"Promemoria: 3 indicatori\"");
			assertThat(json.indexOf("Riepilogo promemoria")).as("newest first").isLessThan(json.indexOf("Promemoria: 3"));
			String page = http.send(HttpRequest.newBuilder(URI.create(mail.viewUrl())).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			assertThat(page).contains("<h2>Promemoria: 3 indicatori</h2>", "mancano &lt;3&gt; risultati");
		}
		finally {
			System.clearProperty("stack.mail.port");
		}
	}

	@Test
	void aMessageToTwoRecipientsIsListedOnce() throws Exception {
		int viewPort = freePort();
		System.setProperty("stack.mail.port", String.valueOf(viewPort));
		var settings = new Settings(Path.of("."), data, "127.0.0.1", freePort(), freePort(), freePort(), freePort(),
				freePort(), freePort(), false, "", List.of("reporting-service"));
		try (var mail = new EmbeddedMail(settings)) {
			var setup = new ServerSetup(mail.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			MimeMessage message = new MimeMessage(GreenMailUtil.getSession(setup));
			message.setFrom("ciclo@ente.example");
			message.setRecipients(Message.RecipientType.TO, "dirigente@ente.example");
			message.setRecipients(Message.RecipientType.CC, "pianificazione@ente.example");
			message.setSubject("Allerta previsione");
			message.setText("Previsione sotto il valore atteso");
			Transport.send(message);

			String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mail.viewUrl()
					+ "api/messages")).build(), HttpResponse.BodyHandlers.ofString()).body();
			assertThat(json.split("Allerta previsione", -1)).as(json).hasSize(2);
			assertThat(json).contains("dirigente@ente.example, pianificazione@ente.example");
		}
		finally {
			System.clearProperty("stack.mail.port");
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
