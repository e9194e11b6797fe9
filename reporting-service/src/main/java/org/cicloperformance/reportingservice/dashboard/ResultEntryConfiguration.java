package org.cicloperformance.reportingservice.dashboard;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The result entry's one filter: on the login form only, just outside Spring Security's chain (order -100). */
@Configuration(proxyBeanMethods = false)
class ResultEntryConfiguration {

	@Bean
	FilterRegistrationBean<SignInCredentials> signInCredentials() {
		var registration = new FilterRegistrationBean<>(new SignInCredentials());
		registration.addUrlPatterns("/dashboard/login");
		registration.setOrder(-101);
		return registration;
	}
}
