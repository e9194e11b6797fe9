package org.cicloperformance.monitoringservice.support;

/** A store with indexes to create once at start-up (by {@link IndexCreator}, on one thread). */
public interface Indexed {

	void createIndexes();
}
