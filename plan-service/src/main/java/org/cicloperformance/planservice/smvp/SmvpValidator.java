package org.cicloperformance.planservice.smvp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.cicloperformance.planservice.plan.Violation;

/**
 * The rules an SMVP version must respect, each refusal with the JSON pointer of its field. Bounds (text lengths,
 * number sizes) are checked before, by {@code InputBounds}; the rules are checked with their defaults applied.
 */
final class SmvpValidator {

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private SmvpValidator() {
	}

	/** Version 1: names its entity and year, applies to every checkpoint. */
	static List<Violation> first(SmvpRequest request) {
		var out = new ArrayList<Violation>();
		if (request.entity() == null || request.entity().isBlank()) {
			out.add(Violation.of("/entity", "required"));
		}
		if (request.year() == null) {
			out.add(Violation.of("/year", "required"));
		}
		else if (request.year() < MIN_YEAR || request.year() > MAX_YEAR) {
			out.add(Violation.of("/year", "year.range", request.year()));
		}
		if (request.baseVersion() != null) {
			out.add(Violation.of("/baseVersion", "smvp.baseVersionOnFirst"));
		}
		if (request.appliesFrom() != null) {
			out.add(Violation.of("/appliesFrom", "smvp.appliesFromOnFirst"));
		}
		content(request, out);
		return out;
	}

	/** A later version of the SMVP of {@code year}: names the version it replaces and where it applies from. */
	static List<Violation> next(SmvpRequest request, String entity, int year) {
		var out = new ArrayList<Violation>();
		if (request.entity() != null && !request.entity().equals(entity)) {
			out.add(Violation.of("/entity", "smvp.identityChanged", entity, year));
		}
		if (request.year() != null && request.year() != year) {
			out.add(Violation.of("/year", "smvp.identityChanged", entity, year));
		}
		if (request.baseVersion() == null) {
			out.add(Violation.of("/baseVersion", "required"));
		}
		if (request.appliesFrom() == null) {
			out.add(Violation.of("/appliesFrom", "required"));
		}
		else if (request.appliesFrom().getYear() < year || request.appliesFrom().getYear() > year + 1) {
			out.add(Violation.of("/appliesFrom", "smvp.appliesFromYear", year));
		}
		if (request.reason() == null || request.reason().isBlank()) {
			out.add(Violation.of("/reason", "required"));
		}
		content(request, out);
		return out;
	}

	private static void content(SmvpRequest request, List<Violation> out) {
		act(request, out);
		if (request.rules() == null) {
			out.add(Violation.of("/rules", "required"));
		}
		else if (nullAt(request.rules().incentiveBands()) >= 0) {
			out.add(Violation.of("/rules/incentiveBands/" + nullAt(request.rules().incentiveBands()), "policy.band"));
		}
		else {
			rules(request.rules().withDefaults(), out);
		}
		scale(request.qualitativeScale(), out);
		EvaluationValidator.check(request.evaluation(), out);
	}

	/** The position of the first null in {@code list} (JSON {@code [null]}), -1 when none; immutable lists refuse contains(null). */
	private static int nullAt(List<?> list) {
		for (int i = 0; list != null && i < list.size(); i++) {
			if (list.get(i) == null) {
				return i;
			}
		}
		return -1;
	}

	private static void act(SmvpRequest request, List<Violation> out) {
		var act = request.act();
		if (act == null) {
			out.add(Violation.of("/act", "smvp.act"));
			return;
		}
		if (act.type() == null || act.type().isBlank()) {
			out.add(Violation.of("/act/type", "required"));
		}
		if (act.number() == null || act.number().isBlank()) {
			out.add(Violation.of("/act/number", "required"));
		}
		if (act.date() == null) {
			out.add(Violation.of("/act/date", "required"));
		}
	}

	private static void rules(ScoringRules rules, List<Violation> out) {
		if (rules.cap().signum() <= 0) {
			out.add(Violation.of("/rules/cap", "positive"));
		}
		if (rules.floor().signum() < 0) {
			out.add(Violation.of("/rules/floor", "notNegative"));
		}
		else if (rules.floor().compareTo(rules.cap()) > 0) {
			out.add(Violation.of("/rules/floor", "policy.floorAboveCap"));
		}
		unit("/rules/lateMilestoneCredit", rules.lateMilestoneCredit(), out);
		unit("/rules/greenFrom", rules.greenFrom(), out);
		unit("/rules/amberFrom", rules.amberFrom(), out);
		if (rules.amberFrom().compareTo(rules.greenFrom()) > 0) {
			out.add(Violation.of("/rules/amberFrom", "policy.amberAboveGreen"));
		}
		var bands = rules.incentiveBands();
		var codes = new HashSet<String>();
		for (int b = 0; b < bands.size(); b++) {
			var band = bands.get(b);
			var pointer = "/rules/incentiveBands/" + b;
			if (band == null || band.from() == null || band.payout() == null || band.code() == null
					|| band.code().isBlank()) {
				out.add(Violation.of(pointer, "policy.band"));
				continue;
			}
			if (!codes.add(band.code())) {
				out.add(Violation.of(pointer + "/code", "duplicate", band.code()));
			}
			if (band.from().signum() < 0) {
				out.add(Violation.of(pointer + "/from", "notNegative"));
			}
			if (band.to() != null && band.to().compareTo(band.from()) <= 0) {
				out.add(Violation.of(pointer + "/to", "smvp.bandEmpty"));
			}
			if (band.to() == null && b < bands.size() - 1) {
				out.add(Violation.of(pointer + "/to", "smvp.bandOpenNotLast"));
			}
			var previous = b > 0 ? bands.get(b - 1) : null;
			if (previous != null && previous.to() != null && previous.to().compareTo(band.from()) != 0) {
				out.add(Violation.of(pointer + "/from", "policy.bandGap"));
			}
		}
	}

	private static void unit(String pointer, BigDecimal value, List<Violation> out) {
		if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
			out.add(Violation.of(pointer, "smvp.unitRange"));
		}
	}

	private static void scale(List<QualitativeLevel> levels, List<Violation> out) {
		if (levels == null || levels.size() < 2) {
			out.add(Violation.of("/qualitativeScale", "smvp.scaleTooShort"));
			return;
		}
		var codes = new HashSet<String>();
		var assessments = new HashSet<BigDecimal>();
		for (int i = 0; i < levels.size(); i++) {
			var level = levels.get(i);
			var pointer = "/qualitativeScale/" + i;
			if (level == null) {
				out.add(Violation.of(pointer, "required"));
				continue;
			}
			if (level.code() == null || level.code().isBlank()) {
				out.add(Violation.of(pointer + "/code", "required"));
			}
			else if (!codes.add(level.code())) {
				out.add(Violation.of(pointer + "/code", "duplicate", level.code()));
			}
			if (level.assessment() == null) {
				out.add(Violation.of(pointer + "/assessment", "required"));
			}
			else if (level.assessment().signum() < 0 || level.assessment().compareTo(HUNDRED) > 0) {
				out.add(Violation.of(pointer + "/assessment", "smvp.assessmentRange"));
			}
			else if (!assessments.add(level.assessment().stripTrailingZeros())) {
				out.add(Violation.of(pointer + "/assessment", "smvp.assessmentDuplicate",
						level.assessment().stripTrailingZeros().toPlainString()));
			}
			if (level.label() == null || level.label().isBlank()) {
				out.add(Violation.of(pointer + "/label", "required"));
			}
			if (level.descriptor() == null || level.descriptor().isBlank()) {
				out.add(Violation.of(pointer + "/descriptor", "smvp.descriptorRequired"));
			}
		}
	}
}
