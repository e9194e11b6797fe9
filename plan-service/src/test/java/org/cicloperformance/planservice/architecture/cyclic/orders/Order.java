package org.cicloperformance.planservice.architecture.cyclic.orders;

import org.cicloperformance.planservice.architecture.cyclic.billing.Invoice;

/** Fixture of {@code ArchitectureTest}: half of a deliberate cycle (orders → billing). */
public class Order {

	Invoice invoice;
}
