package org.cicloperformance.monitoringservice.support;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class Infrastructure {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
