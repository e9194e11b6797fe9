package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;

/** One fund of an incentive block, e.g. Fondo Dirigenti: 3.041 € × 5 = 15.205 €. */
record IncentiveFund(String name, String basis, BigDecimal unitAmount, BigDecimal amount) {
}
