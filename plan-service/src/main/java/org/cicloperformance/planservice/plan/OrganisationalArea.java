package org.cicloperformance.planservice.plan;

/** An organisational area (area dirigenziale), e.g. "Area Anagrafica". */
record OrganisationalArea(String code, String name) {
}
