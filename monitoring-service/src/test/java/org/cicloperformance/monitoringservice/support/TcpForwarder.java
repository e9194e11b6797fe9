package org.cicloperformance.monitoringservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards a local port to another address. Until {@link #start()} nothing listens on the port, so a client
 * configured with it sees a broker that is down; once started, it reaches the broker (Kafka clients then follow
 * the broker's advertised address).
 */
public final class TcpForwarder implements AutoCloseable {

	private final int port;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private ServerSocket server;

	public TcpForwarder(int port, String targetHost, int targetPort) {
		this.port = port;
		this.targetHost = targetHost;
		this.targetPort = targetPort;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public void start() throws IOException {
		server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "tcp-forwarder-" + port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket target = new Socket(targetHost, targetPort);
				sockets.add(client);
				sockets.add(target);
				pump(client, target);
				pump(target, client);
			}
			catch (IOException e) {
				// closed, or the target refused: the client sees a dropped connection and retries
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException e) {
				// connection closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-forwarder-pump");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		if (server != null) {
			closeQuietly(server);
		}
		sockets.forEach(TcpForwarder::closeQuietly);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception e) {
			// nothing to do
		}
	}
}
