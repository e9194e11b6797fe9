package org.cicloperformance.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;

/**
 * The demo users of the embedded default ({@code local-users.yml}: password = username). The services get them
 * as an extra configuration file; production configuration has none.
 */
final class LocalUsers {

	static final String PLANNER = "pianificazione";

	static final String MONITORING_OFFICE = "controllo-gestione";

	private LocalUsers() {
	}

	static Path writeTo(Path dataFolder) {
		try (InputStream in = LocalUsers.class.getResourceAsStream("/local-users.yml")) {
			var folder = Files.createDirectories(dataFolder.resolve("config"));
			var file = folder.resolve("local-users.yml");
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException e) {
			throw new StackException("Impossibile scrivere la configurazione degli utenti demo", e);
		}
	}

	static String basic(String username) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + username).getBytes(StandardCharsets.UTF_8));
	}
}
