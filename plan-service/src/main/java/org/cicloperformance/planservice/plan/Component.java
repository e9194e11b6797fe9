package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;

/** One measured component of a COMPOUND indicator (e.g. "posizioni" and "riunioni"); weight is optional. */
record Component(String code, String name, MeasureKind measureKind, Direction direction, String unit,
		BigDecimal weight) {
}
