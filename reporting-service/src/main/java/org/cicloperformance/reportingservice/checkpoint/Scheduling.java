package org.cicloperformance.reportingservice.checkpoint;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The retry of pending closings and the relay of the {@code hr-feed} outbox run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {
}
