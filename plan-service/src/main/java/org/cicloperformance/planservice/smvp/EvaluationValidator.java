package org.cicloperformance.planservice.smvp;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.cicloperformance.planservice.plan.EvaluationPolicy;
import org.cicloperformance.planservice.plan.EvaluationPolicy.PayBand;
import org.cicloperformance.planservice.plan.Violation;

/**
 * The rules an SMVP version's evaluation policy must respect, each refusal with the JSON pointer of its field under
 * {@code /evaluation}. They are plan-service's own copy of the coherence reporting-service checks on the policy it
 * fills the schede with (its {@code EvaluationPolicy.violations}), made stricter where reporting would fail later:
 * behaviour codes it accepts in ratings, at most as many behaviours as a scheda takes ratings, a band for every total
 * (from 0, contiguous, the last one open), shares that do not fall as the total rises.
 */
final class EvaluationValidator {

	/** reporting-service takes at most 50 ratings per scheda. */
	static final int MAX_BEHAVIOURS = 50;

	static final int MAX_LEVELS = 11;

	static final int MAX_BANDS = 20;

	/** The codes reporting-service accepts for a rated behaviour. */
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final String ROOT = "/evaluation";

	private EvaluationValidator() {
	}

	/** Adds to {@code out} what is wrong with {@code policy}; an absent policy is fine (the fallback applies). */
	static void check(EvaluationPolicy policy, List<Violation> out) {
		if (policy == null) {
			return;
		}
		boolean behavioursWeigh = weights(policy, out);
		boolean scaleValid = scale(policy.scale(), out);
		behaviours(policy, scaleValid, behavioursWeigh, out);
		if (scaleValid && policy.reasonRequiredBelow() != null
				&& (policy.reasonRequiredBelow() < policy.scale().lowest()
						|| policy.reasonRequiredBelow() > policy.scale().highest())) {
			out.add(Violation.of(ROOT + "/reasonRequiredBelow", "evaluation.reasonLevel", policy.scale().lowest(),
					policy.scale().highest()));
		}
		else if (policy.reasonRequiredBelow() == null) {
			out.add(Violation.of(ROOT + "/reasonRequiredBelow", "required"));
		}
		bands(policy.payBands(), out);
		differentiation(policy.differentiation(), out);
	}

	/** @return whether any role group gives the behaviours a weight (then the catalogue cannot be empty) */
	private static boolean weights(EvaluationPolicy policy, List<Violation> out) {
		if (policy.weights() == null || policy.weights().isEmpty()) {
			out.add(Violation.of(ROOT + "/weights", "required"));
			return false;
		}
		boolean behavioursWeigh = false;
		for (var entry : policy.weights().entrySet()) {
			var pointer = ROOT + "/weights/" + entry.getKey();
			var w = entry.getValue();
			if (w == null || w.ownObjectives() == null || w.entityPerformance() == null || w.behaviours() == null) {
				out.add(Violation.of(pointer, "evaluation.partsRequired"));
				continue;
			}
			boolean inRange = unit(pointer + "/ownObjectives", w.ownObjectives(), out)
					& unit(pointer + "/entityPerformance", w.entityPerformance(), out)
					& unit(pointer + "/behaviours", w.behaviours(), out);
			var sum = w.ownObjectives().add(w.entityPerformance()).add(w.behaviours());
			if (inRange && sum.compareTo(BigDecimal.ONE) != 0) {
				out.add(Violation.of(pointer, "evaluation.partsSum", sum.stripTrailingZeros().toPlainString()));
			}
			behavioursWeigh |= w.behaviours().signum() > 0;
		}
		return behavioursWeigh;
	}

	private static boolean scale(EvaluationPolicy.Scale scale, List<Violation> out) {
		if (scale == null || scale.lowest() == null || scale.highest() == null) {
			out.add(Violation.of(ROOT + "/scale", "evaluation.scaleRequired"));
			return false;
		}
		if (scale.lowest() < 0 || scale.highest() <= scale.lowest() || scale.highest() > 100
				|| scale.highest() - scale.lowest() + 1 > MAX_LEVELS) {
			out.add(Violation.of(ROOT + "/scale", "evaluation.scale", MAX_LEVELS));
			return false;
		}
		return true;
	}

	private static void behaviours(EvaluationPolicy policy, boolean scaleValid, boolean behavioursWeigh,
			List<Violation> out) {
		var behaviours = policy.behaviours() == null ? List.<EvaluationPolicy.Behaviour>of() : policy.behaviours();
		if (behaviours.size() > MAX_BEHAVIOURS) {
			out.add(Violation.of(ROOT + "/behaviours", "list.tooLong", MAX_BEHAVIOURS));
			return;
		}
		if (behaviours.isEmpty() && behavioursWeigh) {
			out.add(Violation.of(ROOT + "/behaviours", "evaluation.behavioursRequired"));
			return;
		}
		var codes = new HashSet<String>();
		var sum = BigDecimal.ZERO;
		boolean weighed = true;
		for (int i = 0; i < behaviours.size(); i++) {
			var b = behaviours.get(i);
			var pointer = ROOT + "/behaviours/" + i;
			if (b == null) {
				out.add(Violation.of(pointer, "required"));
				weighed = false;
				continue;
			}
			if (b.code() == null || !CODE.matcher(b.code()).matches()) {
				out.add(Violation.of(pointer + "/code", "evaluation.code"));
			}
			else if (!codes.add(b.code())) {
				out.add(Violation.of(pointer + "/code", "duplicate", b.code()));
			}
			if (b.name() == null || b.name().isBlank()) {
				out.add(Violation.of(pointer + "/name", "required"));
			}
			if (b.weight() == null || !unit(pointer + "/weight", b.weight(), out)) {
				if (b.weight() == null) {
					out.add(Violation.of(pointer + "/weight", "required"));
				}
				weighed = false;
			}
			else {
				sum = sum.add(b.weight());
			}
			if (scaleValid) {
				descriptors(b, policy.scale(), pointer, out);
			}
		}
		if (weighed && !behaviours.isEmpty() && sum.compareTo(BigDecimal.ONE) != 0) {
			out.add(Violation.of(ROOT + "/behaviours", "evaluation.behaviourWeightsSum",
					sum.stripTrailingZeros().toPlainString()));
		}
	}

	/** A descriptor fixed in advance for every level of the scale, and none outside it. */
	private static void descriptors(EvaluationPolicy.Behaviour b, EvaluationPolicy.Scale scale, String pointer,
			List<Violation> out) {
		var descriptors = b.descriptors() == null ? java.util.Map.<Integer, String>of() : b.descriptors();
		for (int level = scale.lowest(); level <= scale.highest(); level++) {
			var text = descriptors.get(level);
			if (text == null || text.isBlank()) {
				out.add(Violation.of(pointer + "/descriptors/" + level, "evaluation.descriptorMissing"));
			}
		}
		descriptors.keySet().stream().filter(level -> level == null || level < scale.lowest()
				|| level > scale.highest()).sorted(java.util.Comparator.nullsFirst(Integer::compare))
			.forEach(level -> out.add(Violation.of(pointer + "/descriptors/" + level,
					"evaluation.descriptorOutsideScale", scale.lowest(), scale.highest())));
	}

	/** From 0, contiguous, the last one open, shares in [0, 1] that do not fall as the total rises. */
	private static void bands(List<PayBand> bands, List<Violation> out) {
		if (bands == null || bands.isEmpty()) {
			out.add(Violation.of(ROOT + "/payBands", "required"));
			return;
		}
		if (bands.size() > MAX_BANDS) {
			out.add(Violation.of(ROOT + "/payBands", "list.tooLong", MAX_BANDS));
			return;
		}
		var codes = new HashSet<String>();
		PayBand previous = null;
		for (int i = 0; i < bands.size(); i++) {
			var band = bands.get(i);
			var pointer = ROOT + "/payBands/" + i;
			if (band == null || band.code() == null || band.code().isBlank() || band.from() == null
					|| band.share() == null) {
				out.add(Violation.of(pointer, "evaluation.band"));
				previous = null;
				continue;
			}
			if (!codes.add(band.code())) {
				out.add(Violation.of(pointer + "/code", "duplicate", band.code()));
			}
			if (i == 0 && band.from().signum() != 0) {
				out.add(Violation.of(pointer + "/from", "evaluation.firstBandFromZero"));
			}
			if (band.to() != null && band.to().compareTo(band.from()) <= 0) {
				out.add(Violation.of(pointer + "/to", "smvp.bandEmpty"));
			}
			if (band.to() == null && i < bands.size() - 1) {
				out.add(Violation.of(pointer + "/to", "smvp.bandOpenNotLast"));
			}
			if (band.to() != null && i == bands.size() - 1) {
				out.add(Violation.of(pointer + "/to", "evaluation.lastBandOpen"));
			}
			if (unit(pointer + "/share", band.share(), out) && previous != null
					&& band.share().compareTo(previous.share()) < 0) {
				out.add(Violation.of(pointer + "/share", "evaluation.shareFalls"));
			}
			if (previous != null && previous.to() != null && previous.to().compareTo(band.from()) != 0) {
				out.add(Violation.of(pointer + "/from", "policy.bandGap"));
			}
			previous = band;
		}
	}

	private static void differentiation(EvaluationPolicy.Differentiation rule, List<Violation> out) {
		if (rule == null) {
			out.add(Violation.of(ROOT + "/differentiation", "required"));
			return;
		}
		if (rule.premium() == null) {
			out.add(Violation.of(ROOT + "/differentiation/premium", "required"));
		}
		else {
			unit(ROOT + "/differentiation/premium", rule.premium(), out);
		}
		if (rule.quota() == null) {
			out.add(Violation.of(ROOT + "/differentiation/quota", "required"));
		}
		else if (rule.quota().signum() <= 0 || rule.quota().compareTo(BigDecimal.ONE) > 0) {
			out.add(Violation.of(ROOT + "/differentiation/quota", "evaluation.quotaRange"));
		}
	}

	/** @return whether {@code value} is in [0, 1], adding the refusal when it is not */
	private static boolean unit(String pointer, BigDecimal value, List<Violation> out) {
		if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
			out.add(Violation.of(pointer, "smvp.unitRange"));
			return false;
		}
		return true;
	}
}
