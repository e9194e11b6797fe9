package org.cicloperformance.planservice.plan;

/** A manager (dirigente) who owns operational objectives; their objective weights sum to 100. */
record Manager(String id, String name, String role, String organisationalArea) {
}
