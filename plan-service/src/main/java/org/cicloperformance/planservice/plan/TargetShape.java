package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

/** Does a target have the shape its indicator's measure kind needs, and only that? */
final class TargetShape {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final Indicator indicator;

	private final Target target;

	private final String pointer;

	private final boolean atFinalCheckpoint;

	private final List<Violation> out;

	TargetShape(Indicator indicator, Target target, String pointer, boolean atFinalCheckpoint, List<Violation> out) {
		this.indicator = indicator;
		this.target = target;
		this.pointer = pointer;
		this.atFinalCheckpoint = atFinalCheckpoint;
		this.out = out;
	}

	void check() {
		var kind = indicator.measureKind();
		switch (kind) {
			case COUNT, AMOUNT, PERCENTAGE -> numeric(kind);
			case BOOLEAN -> only("yes", target.yes() != null);
			case MILESTONE -> milestones();
			case COMPOUND -> components();
			case QUALITATIVE -> qualitative();
		}
	}

	private void numeric(MeasureKind kind) {
		if (!only("number", target.number() != null)) {
			return;
		}
		if (target.number().signum() < 0) {
			out.add(Violation.of(pointer + "/number", "notNegative"));
		}
		if (kind == MeasureKind.PERCENTAGE && target.number().compareTo(HUNDRED) > 0) {
			out.add(Violation.of(pointer + "/number", "percentage.range"));
		}
	}

	private void milestones() {
		if (!only("milestones", target.milestones() != null && !target.milestones().isEmpty())) {
			return;
		}
		var known = new HashSet<String>();
		indicator.milestones().forEach(m -> known.add(m.code()));
		for (int i = 0; i < target.milestones().size(); i++) {
			if (!known.contains(target.milestones().get(i))) {
				out.add(Violation.of(pointer + "/milestones/" + i, "milestone.unknown", target.milestones().get(i)));
			}
		}
	}

	private void components() {
		if (!only("components", target.components() != null && !target.components().isEmpty())) {
			return;
		}
		var expected = new HashSet<String>();
		indicator.components().forEach(c -> expected.add(c.code()));
		// An intermediate checkpoint may ask for some components only (seed 2.1.1 ind 4: "2 seminari" at 30/6).
		if (atFinalCheckpoint && !expected.equals(target.components().keySet())) {
			out.add(Violation.of(pointer + "/components", "components.mismatch", String.join(", ", expected)));
		}
		target.components().forEach((code, value) -> {
			if (!expected.contains(code)) {
				out.add(Violation.of(pointer + "/components/" + code, "component.unknown", code));
			}
			else if (value == null || value.signum() < 0) {
				out.add(Violation.of(pointer + "/components/" + code, "notNegative"));
			}
		});
	}

	private void qualitative() {
		only("text", target.text() != null && !target.text().isBlank());
	}

	/**
	 * The field the kind needs must be present and the fields of other kinds absent: a BOOLEAN target with a
	 * number is a transcription error, not something to guess about.
	 */
	private boolean only(String field, boolean present) {
		boolean ok = true;
		if (!present) {
			out.add(Violation.of(pointer + "/" + field, "target.shape", indicator.measureKind().name()));
			ok = false;
		}
		if (!field.equals("number") && target.number() != null) {
			ok = extraneous("number");
		}
		if (!field.equals("yes") && target.yes() != null) {
			ok = extraneous("yes");
		}
		if (!field.equals("milestones") && target.milestones() != null && !target.milestones().isEmpty()) {
			ok = extraneous("milestones");
		}
		if (!field.equals("components") && target.components() != null && !target.components().isEmpty()) {
			ok = extraneous("components");
		}
		return ok;
	}

	private boolean extraneous(String field) {
		out.add(Violation.of(pointer + "/" + field, "target.extraneous", indicator.measureKind().name()));
		return false;
	}
}
