package org.cicloperformance.planservice.architecture.cyclic.billing;

import org.cicloperformance.planservice.architecture.cyclic.orders.Order;

/** Fixture of {@code ArchitectureTest}: the other half of the deliberate cycle (billing → orders). */
public class Invoice {

	Order order;
}
