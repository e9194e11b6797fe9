package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;

/** A line of "Entrate e costi diretti del progetto": amount, account (conto), account name and budget code. */
record BudgetLine(BigDecimal amount, String account, String description, String budgetCode) {
}
