package org.cicloperformance.monitoringservice.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which plan version a checkpoint is measured against: the highest received version whose {@code appliesTo}
 * contains it (version 1 applies to every checkpoint). When a version that might apply has not been received yet
 * (a gap between the candidate and the highest received version, e.g. v3 arrived before v2), the answer is "not
 * received yet" rather than a guess.
 */
public final class VersionInForce {

	private VersionInForce() {
	}

	public sealed interface Resolution {
	}

	/** No version of the plan has been received. */
	public record UnknownPlan() implements Resolution {
	}

	public record InForce(PlanVersion version) implements Resolution {
	}

	/** The plan is known but version {@code missing}, which may apply to the checkpoint, has not arrived. */
	public record NotReceived(int missing) implements Resolution {
	}

	public static Resolution resolve(List<PlanVersion> received, String checkpoint) {
		if (received.isEmpty()) {
			return new UnknownPlan();
		}
		Set<Integer> numbers = received.stream().map(PlanVersion::version).collect(Collectors.toSet());
		int highest = numbers.stream().max(Integer::compare).orElseThrow();
		PlanVersion candidate = received.stream()
				.filter(v -> v.appliesTo(checkpoint))
				.max(Comparator.comparingInt(PlanVersion::version))
				.orElse(null);
		int from = candidate == null ? 1 : candidate.version() + 1;
		for (int k = from; k <= highest; k++) {
			if (!numbers.contains(k)) {
				return new NotReceived(k);
			}
		}
		return candidate == null ? new NotReceived(1) : new InForce(candidate);
	}

	/** The latest received version: its content names the plan's objectives, indicators and checkpoints. */
	public static PlanVersion latest(List<PlanVersion> received) {
		return received.stream().max(Comparator.comparingInt(PlanVersion::version)).orElseThrow();
	}
}
