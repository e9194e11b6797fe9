package org.cicloperformance.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack refuses to start, with a message that says what to do, before it starts anything. */
class PreflightTest {

	@TempDir
	Path data;

	@Test
	void startsWhenPortsAreFreeAndTheDataFolderIsWritable() throws IOException {
		assertThatCode(() -> Preflight.check(settings(data, freePort()))).doesNotThrowAnyException();
	}

	@Test
	void refusesAPortThatIsTakenNamingItAndTheSettingToChange() throws IOException {
		try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> Preflight.check(settings(data, taken.getLocalPort())))
				.isInstanceOf(StackException.class)
				.hasMessageContaining("La porta " + taken.getLocalPort() + " (plan-service) e' gia' in uso")
				.hasMessageContaining("-Dstack.plan.port=");
		}
	}

	@Test
	void refusesADataFolderThatCannotBeWritten() throws IOException {
		var file = Files.createFile(data.resolve("non-una-cartella"));

		assertThatThrownBy(() -> Preflight.check(settings(file.resolve("dati"), freePort())))
			.isInstanceOf(StackException.class)
			.hasMessageContaining("non e' scrivibile")
			.hasMessageContaining("-Dstack.data=");
	}

	private static Settings settings(Path data, int planPort) throws IOException {
		return new Settings(Path.of("."), data, "127.0.0.1", freePort(), freePort(), freePort(), planPort, freePort(),
				freePort(), false, "", List.of("plan-service"));
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
