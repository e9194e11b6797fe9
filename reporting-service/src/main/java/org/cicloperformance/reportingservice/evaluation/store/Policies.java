package org.cicloperformance.reportingservice.evaluation.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation policy in force for a plan's schede: the one the plan's SMVP version sets (it travels in the plan
 * events, in the version's scoring policy), and otherwise the configured file ({@code reporting.evaluation.policy}),
 * the fallback. The file is read once at start-up and checked: a policy with violations stops the service rather
 * than producing schede under rules nobody adopted; an SMVP's policy with violations refuses the schede of its plan.
 * A scheda records where its policy came from ({@link InForce#source()}), and is rated, paid and published with
 * that same policy ({@link #of(String, String)}), whatever SMVP version comes later.
 */
@Component
public class Policies {

	/** How the source of an SMVP's policy reads: "SMVP {id} v{number}", then the policy's own note, if any. */
	private static final Pattern SMVP_SOURCE = Pattern.compile("^SMVP (\\S+) v([0-9]{1,9})(?: — .*)?$",
			Pattern.DOTALL);

	private final EvaluationPolicy policy;

	private final EvaluationSettings settings;

	private final PlanVersions plans;

	/** Per plan version ({@link PlanVersionFact#id}), the SMVP policy it carries, if any: versions are immutable. */
	private final Cache<String, Optional<InForce>> byVersion = Caffeine.newBuilder().maximumSize(256).build();

	Policies(EvaluationSettings settings, ResourceLoader resources, JsonMapper json, PlanVersions plans) {
		this.settings = settings;
		this.plans = plans;
		try (InputStream in = resources.getResource(settings.policy()).getInputStream()) {
			this.policy = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
				.readValue(in, EvaluationPolicy.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException("evaluation policy " + settings.policy(), e);
		}
		if (!policy.violations().isEmpty()) {
			throw new IllegalStateException("evaluation policy " + settings.policy() + ": " + policy.violations());
		}
	}

	/**
	 * A policy and where it comes from: an SMVP version ({@code smvpId}, {@code smvpVersion}) or the configured file
	 * (both null). {@code source} is what a scheda records and shows.
	 */
	public record InForce(EvaluationPolicy policy, String source, String smvpId, Integer smvpVersion) {

		public boolean fromSmvp() {
			return smvpId != null;
		}
	}

	/** The configured file's policy: the fallback for a plan whose SMVP version sets none. */
	public EvaluationPolicy policy() {
		return policy;
	}

	public Duration reviewPeriod() {
		return settings.reviewPeriod();
	}

	public int transparencyThreshold() {
		return settings.transparencyThreshold();
	}

	/** Where the fallback policy comes from, labelled as the fallback (the example file says it is one). */
	public String source() {
		return settings.policy() + " (file di configurazione: il SMVP del piano non fissa una politica di valutazione)";
	}

	/** The fallback as a policy in force. */
	public InForce fallback() {
		return new InForce(policy, source(), null, null);
	}

	/**
	 * The policy for the schede of version {@code planVersion} of a plan (the version the final scores were computed
	 * with): its SMVP version's when it sets one, otherwise the fallback.
	 *
	 * @throws SchedaRefused (conflict) when the SMVP's policy cannot be used
	 */
	public InForce forPlan(String planId, int planVersion) {
		return plans.version(planId, planVersion).flatMap(this::carried).map(Policies::usable)
			.orElseGet(this::fallback);
	}

	/**
	 * The policy a scheda of {@code planId} recorded as {@code source}: the same SMVP version's, found among the
	 * plan's versions, or the fallback for any other source (the file, and schede made before SMVPs set policies).
	 *
	 * @throws SchedaRefused (conflict) when no version of the plan carries that SMVP version's policy any more
	 */
	public InForce of(String planId, String source) {
		Matcher smvp = source == null ? null : SMVP_SOURCE.matcher(source);
		if (smvp == null || !smvp.matches()) {
			return fallback();
		}
		String smvpId = smvp.group(1);
		int number = Integer.parseInt(smvp.group(2));
		return plans.versions(planId).stream().map(this::carried).flatMap(Optional::stream)
			.filter(p -> smvpId.equals(p.smvpId()) && p.smvpVersion() == number).findFirst().map(Policies::usable)
			.orElseThrow(() -> new SchedaRefused(SchedaRefused.Kind.CONFLICT, "/policy", "smvp-policy-unknown"));
	}

	/** The SMVP policy a plan version carries, if any, usable or not. */
	private Optional<InForce> carried(PlanVersionFact fact) {
		return byVersion.get(fact.id(), id -> read(plans.content(fact).scoringPolicy()));
	}

	/** An SMVP policy that is incomplete or incoherent refuses the schede rather than being replaced by a guess. */
	private static InForce usable(InForce found) {
		if (found.policy() == null || !found.policy().violations().isEmpty()) {
			throw new SchedaRefused(SchedaRefused.Kind.CONFLICT, "/policy", "smvp-policy-invalid");
		}
		return found;
	}

	/** What a version's scoring policy says; the policy is null when it is incomplete (refused when used). */
	private static Optional<InForce> read(PlanEvent.Policy scoring) {
		if (scoring == null || scoring.evaluation() == null || scoring.smvpId() == null
				|| scoring.smvpVersion() == null) {
			return Optional.empty();
		}
		PlanEvent.Evaluation e = scoring.evaluation();
		String source = "SMVP " + scoring.smvpId() + " v" + scoring.smvpVersion()
				+ (e.note() == null || e.note().isBlank() ? "" : " — " + e.note().strip());
		return Optional.of(new InForce(SmvpPolicies.toPolicy(e), source, scoring.smvpId(), scoring.smvpVersion()));
	}
}
