package org.cicloperformance.planservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder in front of the test broker: closed, the broker is unreachable (connection refused);
 * open, clients bootstrap through it. Lets a test take "Kafka" down and bring it back on a stable address.
 */
public final class TcpGate implements AutoCloseable {

	private final int port;

	private final InetSocketAddress target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	public TcpGate(String targetHostPort) {
		var parts = targetHostPort.split(":");
		this.target = new InetSocketAddress(parts[0], Integer.parseInt(parts[1]));
		try (var probe = new ServerSocket(0)) {
			this.port = probe.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public String address() {
		return "127.0.0.1:" + port;
	}

	public synchronized void open() throws IOException {
		server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		var acceptor = new Thread(this::accept, "tcp-gate-" + port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept() {
		var listening = server;
		while (!listening.isClosed()) {
			try {
				var client = listening.accept();
				var upstream = new Socket(target.getAddress(), target.getPort());
				sockets.add(client);
				sockets.add(upstream);
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException e) {
				return;
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		var thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ignored) {
				// one side closed: the other follows
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		});
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void close() {
		if (server != null) {
			closeQuietly(server);
		}
		sockets.forEach(TcpGate::closeQuietly);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ignored) {
			// closing is best effort
		}
	}
}
