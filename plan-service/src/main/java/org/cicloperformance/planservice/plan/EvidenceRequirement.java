package org.cicloperformance.planservice.plan;

/** What the OIV may ask to see to validate an indicator ("Documentazione e report da presentare all'OIV"). */
record EvidenceRequirement(String indicator, String description) {
}
