package org.cicloperformance.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM started by the stack, its output in a log file, stopped with SIGTERM so it can shut down cleanly. */
final class ChildProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	ChildProcess(String name, List<String> command, Path log, Path workingDirectory) {
		this.name = name;
		this.log = log;
		try {
			Files.createDirectories(log.getParent());
			this.process = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException e) {
			throw new StackException("Impossibile avviare " + name + ": " + e.getMessage(), e);
		}
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	void requireAlive() {
		if (!process.isAlive()) {
			throw new StackException(name + " si e' fermato (codice " + process.exitValue() + "): vedere " + log);
		}
	}

	long pid() {
		return process.pid();
	}

	Path log() {
		return log;
	}

	/**
	 * Kills the process at once (SIGKILL on Unix): no shutdown hook, no flush, as a crash or an OOM killer would.
	 * Returns when the process is gone.
	 */
	void kill() {
		process.destroyForcibly();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new StackException(name + " non si e' fermato dopo SIGKILL");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrotto", e);
		}
	}

	@Override
	public void close() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
