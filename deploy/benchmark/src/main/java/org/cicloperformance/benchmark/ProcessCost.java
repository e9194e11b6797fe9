package org.cicloperformance.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds (utime + stime from {@code /proc/<pid>/stat}) and resident memory ({@code VmRSS}, {@code VmHWM} from
 * {@code /proc/<pid>/status}) of the stack's processes. The launcher JVM hosts MongoDB and also runs this
 * benchmark's clients, so its CPU is split by thread: the MongoDB server's threads (Netty {@code mongo-server-*}
 * and H2's {@code MVStore} and {@code H2-serialization} threads) count as "mongodb", its garbage collector and JIT
 * compiler threads as shared, the rest as the benchmark driver. Its memory cannot be split:
 * it is reported as one figure for the launcher (MongoDB + driver).
 */
final class ProcessCost implements AutoCloseable {

	static final String MONGODB = "mongodb (launcher threads)";

	static final String DRIVER = "benchmark driver (launcher threads)";

	static final String SHARED = "launcher GC + JIT (shared)";

	static final String MACHINE = "machine, all processes";

	static final String OTHERS = "other processes (not the stack)";

	/** Linux's USER_HZ: 100 on every architecture the JDK supports. */
	private static final double TICKS_PER_SECOND = 100.0;

	private final Map<String, Long> pids;

	private final Map<String, Long> peakRss = new LinkedHashMap<>();

	private final Thread sampler;

	private volatile boolean running = true;

	ProcessCost(Map<String, Long> pids) {
		this.pids = new LinkedHashMap<>(pids);
		pids.keySet().forEach(k -> peakRss.put(k, 0L));
		sampler = new Thread(() -> {
			while (running) {
				sampleRss();
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "rss-sampler");
		sampler.setDaemon(true);
		sampler.start();
	}

	Map<String, Long> pids() {
		return pids;
	}

	/** CPU seconds so far of each process, plus the launcher split into MongoDB and driver threads. */
	Map<String, Double> cpuSeconds() {
		var out = new LinkedHashMap<String, Double>();
		for (var entry : pids.entrySet()) {
			out.put(entry.getKey(), ticks(Path.of("/proc", String.valueOf(entry.getValue()), "stat")) / TICKS_PER_SECOND);
		}
		Long launcher = pids.get("launcher");
		if (launcher != null) {
			double mongo = 0;
			double shared = 0;
			try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(launcher), "task"))) {
				for (Path task : tasks.toList()) {
					String comm = read(task.resolve("comm")).trim();
					double seconds = ticks(task.resolve("stat")) / TICKS_PER_SECOND;
					if (comm.startsWith("mongo-server") || comm.startsWith("MVStore") || comm.startsWith("H2-")) {
						mongo += seconds;
					}
					else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.contains("CompilerThre")
							|| comm.equals("VM Thread")) {
						shared += seconds;
					}
				}
			}
			catch (IOException e) {
				// a thread ended while listing: keep what was read
			}
			out.put(MONGODB, mongo);
			out.put(SHARED, shared);
			out.put(DRIVER, out.get("launcher") - mongo - shared);
		}
		double stack = pids.keySet().stream().mapToDouble(out::get).sum();
		double machine = machineBusyTicks() / TICKS_PER_SECOND;
		out.put(MACHINE, machine);
		out.put(OTHERS, machine - stack);
		return out;
	}

	/** Busy time of every CPU of the machine (user, nice, system, irq, softirq, steal) from /proc/stat. */
	private static long machineBusyTicks() {
		String first = read(Path.of("/proc/stat")).split("\n")[0];
		String[] fields = first.trim().split("\\s+");
		long busy = 0;
		for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
			busy += Long.parseLong(fields[i]);
		}
		return busy;
	}

	static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
		var out = new LinkedHashMap<String, Double>();
		after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0.0)));
		return out;
	}

	/** Peak resident set in MiB while sampled (every 0.5 s) and the kernel's high-water mark since start. */
	Map<String, Map<String, Double>> memory() {
		sampleRss();
		var out = new LinkedHashMap<String, Map<String, Double>>();
		for (var entry : pids.entrySet()) {
			var figures = new LinkedHashMap<String, Double>();
			synchronized (peakRss) {
				figures.put("peakRssMiB", peakRss.get(entry.getKey()) / 1024.0);
			}
			figures.put("vmHwmMiB", statusKb(entry.getValue(), "VmHWM") / 1024.0);
			out.put(entry.getKey(), figures);
		}
		return out;
	}

	private void sampleRss() {
		for (var entry : pids.entrySet()) {
			long rss = statusKb(entry.getValue(), "VmRSS");
			synchronized (peakRss) {
				peakRss.merge(entry.getKey(), rss, Math::max);
			}
		}
	}

	private static long statusKb(long pid, String field) {
		for (String line : read(Path.of("/proc", String.valueOf(pid), "status")).split("\n")) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
			}
		}
		return 0;
	}

	private static long ticks(Path stat) {
		String content = read(stat);
		if (content.isEmpty()) {
			return 0;
		}
		// the command name is in parentheses and may hold spaces: count fields after the last ')'
		String[] fields = content.substring(content.lastIndexOf(')') + 2).split(" ");
		// fields[0] is field 3 (state); utime is field 14, stime field 15
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			return "";
		}
	}

	@Override
	public void close() {
		running = false;
		sampler.interrupt();
	}
}
