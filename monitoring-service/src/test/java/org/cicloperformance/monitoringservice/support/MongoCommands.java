package org.cicloperformance.monitoringservice.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the MongoDB commands (round trips to the server) that the current thread sends while a test action runs,
 * as "command collection" (e.g. "insert results"). The synchronous driver tells its listeners on the thread that
 * sends, so the relay's and the consumers' commands on their own threads are not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MongoCommands {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	/** The thread named {@link #threadName} records here while {@link #sentOnThread} runs. */
	private static volatile List<String> namedThreadRecording;

	private static volatile String threadName;

	private static final CommandListener LISTENER = new CommandListener() {

		@Override
		public void commandStarted(CommandStartedEvent event) {
			List<String> commands = RECORDING.get();
			List<String> named = namedThreadRecording;
			if (commands == null && named != null && Thread.currentThread().getName().equals(threadName)) {
				commands = named;
			}
			if (commands != null) {
				BsonValue target = event.getCommand().get(event.getCommandName());
				commands.add(event.getCommandName()
						+ (target != null && target.isString() ? " " + target.asString().getValue() : ""));
			}
		}
	};

	@Bean
	MongoClientSettingsBuilderCustomizer recordMongoCommands() {
		return settings -> settings.addCommandListener(LISTENER);
	}

	/** What a test does while its commands are recorded. */
	@FunctionalInterface
	public interface Action {

		void run() throws Exception;
	}

	/** The commands this thread sent while {@code action} ran, in order. */
	public static List<String> sentBy(Action action) throws Exception {
		List<String> commands = new ArrayList<>();
		RECORDING.set(commands);
		try {
			action.run();
		}
		finally {
			RECORDING.remove();
		}
		return commands;
	}

	/** The commands the threads named {@code name} (e.g. the outbox relay's) sent while {@code action} ran. */
	public static List<String> sentOnThread(String name, Action action) throws Exception {
		List<String> commands = java.util.Collections.synchronizedList(new ArrayList<>());
		threadName = name;
		namedThreadRecording = commands;
		try {
			action.run();
		}
		finally {
			namedThreadRecording = null;
		}
		synchronized (commands) {
			return List.copyOf(commands);
		}
	}
}
