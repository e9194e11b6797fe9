package org.cicloperformance.planservice.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The versions a plan still needs so that every checkpoint is scored with the policy its entity's SMVP sets for it.
 * A checkpoint is scored with the plan version in force for it (the highest whose {@code appliesTo} names it); when
 * that version's policy is not the one of the SMVP version in force at the checkpoint's date, a new plan version
 * is due: the same content with the SMVP's policy, applying to that checkpoint only. Checkpoints whose version
 * already has the right policy keep it, so a new SMVP version re-scores only the checkpoints it applies to.
 */
final class PolicyAlignment {

	private PolicyAlignment() {
	}

	/** The SMVP version in force at {@code date}: the highest one applying from that date or earlier. */
	static Optional<ScoringPolicies.Adopted> inForce(List<ScoringPolicies.Adopted> adopted, LocalDate date) {
		ScoringPolicies.Adopted found = null;
		for (var version : adopted) {
			if (found == null || version.appliesFrom() == null || date == null
					|| !version.appliesFrom().isAfter(date)) {
				found = version;
			}
		}
		return Optional.ofNullable(found);
	}

	/** The policy a new version applying to {@code checkpoints} gets: the SMVP's at the earliest one, or its own. */
	static PlanContent resolved(PlanContent content, List<String> checkpoints, List<ScoringPolicies.Adopted> adopted) {
		if (adopted.isEmpty()) {
			var own = content.scoringPolicy() == null ? ScoringPolicy.defaults() : content.scoringPolicy();
			return content.withScoringPolicy(own.withoutSmvp());
		}
		var earliest = content.checkpoints().stream().filter(c -> checkpoints.contains(c.id()))
			.map(Checkpoint::date).filter(d -> d != null).min(Comparator.naturalOrder()).orElse(null);
		return content.withScoringPolicy(inForce(adopted, earliest).orElseThrow().policy());
	}

	/**
	 * The versions to add after {@code versions} (numbered from the next one), oldest base first so that the last
	 * one added carries the latest content; empty when the plan is aligned or its entity has no SMVP for the year.
	 */
	static List<PlanVersion> missing(List<PlanVersion> versions, List<ScoringPolicies.Adopted> adopted, Instant now,
			String user) {
		if (adopted.isEmpty() || versions.isEmpty()) {
			return List.of();
		}
		var latest = versions.get(versions.size() - 1).content();
		Map<Key, List<String>> groups = new TreeMap<>(Comparator.comparingInt(Key::base).thenComparingInt(Key::smvp));
		Map<Integer, ScoringPolicies.Adopted> bySmvpVersion = new TreeMap<>();
		latest.checkpoints().stream()
			.sorted(Comparator.comparing(Checkpoint::date, Comparator.nullsFirst(Comparator.naturalOrder())))
			.forEach(checkpoint -> {
				var smvp = inForce(adopted, checkpoint.date()).orElseThrow();
				var base = versionInForce(versions, checkpoint.id());
				var policy = smvp.policy();
				var current = base.content().scoringPolicy();
				if (current == null || !current.isFrom(policy.smvpId(), policy.smvpVersion())) {
					groups.computeIfAbsent(new Key(base.number(), policy.smvpVersion()), k -> new ArrayList<>())
						.add(checkpoint.id());
					bySmvpVersion.put(policy.smvpVersion(), smvp);
				}
			});
		var out = new ArrayList<PlanVersion>();
		int next = versions.size() + 1;
		for (var group : groups.entrySet()) {
			var smvp = bySmvpVersion.get(group.getKey().smvp());
			var base = versions.get(group.getKey().base() - 1);
			var reason = "Applicazione della versione " + smvp.policy().smvpVersion() + " del Sistema di misurazione "
					+ "e valutazione della performance (" + smvp.policy().smvpId() + ")";
			var change = new PlanChange(PlanChange.Type.SCORING_POLICY_CHANGED, null, null, null, null, null, reason);
			var revision = new Revision(base.number(), reason, smvp.act(), group.getValue(), List.of(change), null);
			out.add(new PlanVersion(next++, base.content().withScoringPolicy(smvp.policy()), group.getValue(),
					smvp.act(), revision, now, user));
		}
		return out;
	}

	private static PlanVersion versionInForce(List<PlanVersion> versions, String checkpoint) {
		for (int i = versions.size() - 1; i > 0; i--) {
			if (versions.get(i).appliesTo().contains(checkpoint)) {
				return versions.get(i);
			}
		}
		return versions.get(0);
	}

	private record Key(int base, int smvp) {
	}
}
