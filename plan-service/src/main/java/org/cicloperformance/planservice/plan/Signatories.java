package org.cicloperformance.planservice.plan;

/**
 * Who signs the plan's monitoring reports, and where: the OIV (independent evaluation body), the Segretario Generale
 * and the Presidente. Optional; a report without it leaves the signature lines blank.
 */
record Signatories(String place, String oiv, String secretaryGeneral, String president) {
}
