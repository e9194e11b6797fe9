/**
 * The plan feature: the plan aggregate, its lifecycle ({@code PlanService}), its rulebook ({@code PlanValidator},
 * {@code InputBounds}) and its store. Types are package-private by default; the public ones are the plan's published
 * language, which {@code plan.web}, {@code plan.messaging} and {@code proposal} read or call: the documents
 * ({@code Plan}, {@code PlanContent}, {@code PlanVersion}, {@code Revision}, …), the use cases, and the refusals the
 * service-wide {@code web} package turns into problem details. The tree's inner records (areas, indicators,
 * policy, …) stay package-private: other packages reach them only through the documents.
 */
package org.cicloperformance.planservice.plan;
