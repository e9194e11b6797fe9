package org.cicloperformance.local;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB wire-protocol server persisting to the data folder (H2 MVStore). It commits in the background and on
 * shutdown, so it survives a clean stop but not a kill -9 of this process: for development and demos only.
 */
final class EmbeddedMongo implements AutoCloseable {

	private final MongoServer server;

	EmbeddedMongo(Settings settings) {
		try {
			var folder = Files.createDirectories(settings.data().resolve("mongo"));
			this.server = new MongoServer(new FastIndexH2Backend(MVStore.open(folder.resolve("mongo.mv").toString())));
		}
		catch (IOException e) {
			throw new StackException("Impossibile preparare la cartella di MongoDB", e);
		}
		server.bind(settings.bind(), settings.mongoPort());
	}

	@Override
	public void close() {
		server.shutdown();
	}
}
