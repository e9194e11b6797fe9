package org.cicloperformance.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A thread-safe bag of latencies in microseconds, summarised by percentiles. */
final class Latencies {

	private long[] values = new long[1024];

	private int size;

	synchronized void add(long micros) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = micros;
	}

	synchronized int count() {
		return size;
	}

	/** Percentiles in milliseconds (nearest rank), or an empty map when nothing was recorded. */
	synchronized Map<String, Double> summary() {
		var out = new LinkedHashMap<String, Double>();
		if (size == 0) {
			return out;
		}
		long[] sorted = Arrays.copyOf(values, size);
		Arrays.sort(sorted);
		out.put("p50", percentile(sorted, 0.50));
		out.put("p95", percentile(sorted, 0.95));
		out.put("p99", percentile(sorted, 0.99));
		out.put("max", sorted[sorted.length - 1] / 1000.0);
		out.put("mean", Arrays.stream(sorted).average().orElse(0) / 1000.0);
		return out;
	}

	private static double percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
	}
}
