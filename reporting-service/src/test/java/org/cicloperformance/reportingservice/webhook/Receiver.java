package org.cicloperformance.reportingservice.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver for the tests: the JDK's HTTP server on a free port of the loopback address, recording every
 * request, answering the status {@code answer} gives for the n-th request (1-based); it can hold its answers until
 * released, as a receiver that hangs.
 */
final class Receiver implements AutoCloseable {

	record Received(Map<String, List<String>> headers, String body) {

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
					.map(e -> e.getValue().get(0)).findFirst().orElse(null);
		}
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final IntUnaryOperator answer;

	private volatile CountDownLatch hold = new CountDownLatch(0);

	Receiver(IntUnaryOperator answer) {
		this.answer = answer;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
			try {
				hold.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			int status = answer.applyAsInt(received.size());
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	static Receiver answering(int status) {
		return new Receiver(n -> status);
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	List<Received> receivedFor(String planId) {
		return received.stream().filter(r -> r.body().contains("\"planId\":\"" + planId + "\"")).toList();
	}

	/** From now on requests wait for {@link #release()}. */
	void hang() {
		hold = new CountDownLatch(1);
	}

	void release() {
		hold.countDown();
	}

	@Override
	public void close() {
		release();
		server.stop(0);
	}
}
