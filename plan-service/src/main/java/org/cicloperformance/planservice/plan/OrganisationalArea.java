package org.cicloperformance.planservice.plan;

/** An organisational area (area dirigenziale), e.g. "Area Anagrafica". */
public record OrganisationalArea(String code, String name) {
}
