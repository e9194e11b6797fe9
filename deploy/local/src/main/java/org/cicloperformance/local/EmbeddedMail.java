package org.cicloperformance.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's SMTP server (GreenMail, in this JVM, messages in memory): monitoring-service sends its reminders
 * to it, reporting-service its forecast alerts, and a small page lists what it received, newest first, so a newcomer sees the messages:
 * {@code http://localhost:8025/} (HTML) and {@code /api/messages} (JSON). SMTP listens on a free port (the
 * launcher tells both services which); the page on {@code stack.mail.port} (8025; the stack starts without
 * the page when that port is taken).
 */
final class EmbeddedMail implements AutoCloseable {

	private final GreenMail smtp;

	private final HttpServer view;

	private final JsonMapper json = JsonMapper.builder().build();

	EmbeddedMail(Settings settings) {
		smtp = new GreenMail(new ServerSetup(0, settings.bind(), ServerSetup.PROTOCOL_SMTP).dynamicPort());
		smtp.start();
		view = startView(settings);
	}

	int smtpPort() {
		return smtp.getSmtp().getPort();
	}

	/** Where the page is, or null when it could not start. */
	String viewUrl() {
		return view == null ? null : "http://localhost:" + view.getAddress().getPort() + "/";
	}

	private HttpServer startView(Settings settings) {
		int port = Integer.parseInt(System.getProperty("stack.mail.port",
				System.getenv().getOrDefault("STACK_MAIL_PORT", "8025")));
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(settings.bind(), port), 8);
			server.createContext("/api/messages", e -> answer(e, "application/json", json.writeValueAsString(messages())));
			server.createContext("/", e -> answer(e, "text/html; charset=utf-8", page()));
			server.start();
			return server;
		}
		catch (IOException e) {
			System.out.println("[local-stack] Pagina della posta non avviata (porta " + port + " occupata): "
					+ "-Dstack.mail.port=<porta> per sceglierne un'altra");
			return null;
		}
	}

	/**
	 * The received messages, newest first (by their Date header; GreenMail keeps them by mailbox): time, from, to,
	 * subject, text.
	 */
	List<Map<String, String>> messages() {
		List<Map<String, String>> all = new ArrayList<>();
		// GreenMail keeps a copy per recipient's mailbox: a message to a manager with the planner in Cc is one
		Set<String> seen = new HashSet<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			try {
				String id = m.getMessageID();
				if (id != null && !seen.add(id)) {
					continue;
				}
				Map<String, String> message = new LinkedHashMap<>();
				message.put("received", m.getSentDate() == null ? "" : m.getSentDate().toInstant().toString());
				message.put("from", join(m.getFrom()));
				message.put("to", join(m.getAllRecipients()));
				message.put("subject", m.getSubject());
				message.put("text", String.valueOf(m.getContent()));
				all.add(message);
			}
			catch (Exception e) {
				all.add(Map.of("received", "", "error", String.valueOf(e.getMessage())));
			}
		}
		// ISO-8601 instants sort as text; the sort is stable, so messages of one second keep their order
		all.sort(Comparator.comparing((Map<String, String> m) -> m.get("received")).reversed());
		return all;
	}

	private String page() {
		var html = new StringBuilder("""
				<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Posta inviata (stack locale)</title>
				<style>body{font-family:sans-serif;margin:2em}article{border:1px solid #ccc;margin:1em 0;padding:1em}
				pre{white-space:pre-wrap}</style></head><body><h1>Posta ricevuta dal server SMTP locale</h1>
				<p>I promemoria di monitoring-service (spostare l'orologio dimostrativo: PUT /api/demo-clock) e le
				allerte sulle previsioni di reporting-service.
				JSON: <a href="/api/messages">/api/messages</a>.</p>
				""");
		List<Map<String, String>> messages = messages();
		if (messages.isEmpty()) {
			html.append("<p>Nessun messaggio.</p>");
		}
		for (Map<String, String> m : messages) {
			html.append("<article><h2>").append(escape(m.get("subject"))).append("</h2><p>")
				.append(escape(m.get("received"))).append(" — da ").append(escape(m.get("from"))).append(" a ")
				.append(escape(m.get("to"))).append("</p><pre>").append(escape(m.get("text"))).append("</pre></article>");
		}
		return html.append("</body></html>").toString();
	}

	private static void answer(HttpExchange exchange, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 200 : 405, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static String join(Address[] addresses) {
		return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
	}

	private static String escape(String text) {
		return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	@Override
	public void close() {
		if (view != null) {
			view.stop(0);
		}
		smtp.stop();
	}
}
