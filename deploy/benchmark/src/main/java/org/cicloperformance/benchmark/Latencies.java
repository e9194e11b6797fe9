package org.cicloperformance.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds, summarised by percentiles: an HdrHistogram (3 significant digits, up to an hour), so
 * that a phase of millions of results keeps a fixed footprint and the percentiles are exact to 0.1%.
 */
final class Latencies {

	private static final long HOUR_MICROS = 3_600_000_000L;

	private final Histogram histogram = new ConcurrentHistogram(1, HOUR_MICROS, 3);

	void add(long micros) {
		histogram.recordValue(Math.max(1, Math.min(HOUR_MICROS, micros)));
	}

	int count() {
		return (int) histogram.getTotalCount();
	}

	/** Percentiles in milliseconds, or an empty map when nothing was recorded. */
	Map<String, Double> summary() {
		var out = new LinkedHashMap<String, Double>();
		Histogram copy = histogram.copy();
		if (copy.getTotalCount() == 0) {
			return out;
		}
		out.put("p50", copy.getValueAtPercentile(50) / 1000.0);
		out.put("p95", copy.getValueAtPercentile(95) / 1000.0);
		out.put("p99", copy.getValueAtPercentile(99) / 1000.0);
		out.put("max", copy.getMaxValue() / 1000.0);
		out.put("mean", copy.getMean() / 1000.0);
		return out;
	}
}
