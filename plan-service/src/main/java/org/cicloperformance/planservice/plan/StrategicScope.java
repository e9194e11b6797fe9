package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;

/** Ambito strategico of an operational objective, e.g. "Formazione", with its weight. */
record StrategicScope(String name, BigDecimal weight) {
}
