package org.cicloperformance.monitoringservice.security;

import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Stateless API security, as in plan-service. Identities come from JWTs validated against the issuer's keys
 * (production) and, only when users are configured (embedded default), from HTTP Basic. Health, Prometheus and
 * the API documentation are public; everything else needs an identity, and what each role may do is decided per
 * operation ({@link Access}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, ObjectProvider<JwtDecoder> jwtDecoder,
			ProblemResponses problems, AuditedRequests.Recorder audit, RequestSizeLimitFilter sizeLimit,
			CrossSiteRequestFilter crossSite, LoginThrottleFilter throttle) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs",
						"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(sizeLimit, ExceptionTranslationFilter.class)
			.addFilterBefore(crossSite, org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.addFilterBefore(throttle, org.springframework.security.web.authentication.logout.LogoutFilter.class)
			// The audit wraps authentication too, so that a call refused for bad credentials is on record as well.
			.addFilterAfter(audit, SecurityContextHolderFilter.class);
		if (!settings.localUsers().isEmpty()) {
			http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
		}
		if (jwtDecoder.getIfAvailable() != null) {
			http.oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults()).authenticationEntryPoint(problems));
		}
		return http.build();
	}

	/** Local users only; with none configured (production), Basic authentication finds nobody. */
	@Bean
	UserDetailsService localUsers(SecuritySettings settings) {
		var users = LocalUserDetails.of(settings).stream()
			.collect(Collectors.toMap(LocalUserDetails::getUsername, Function.identity()));
		return username -> {
			var user = users.get(username);
			if (user == null) {
				throw new UsernameNotFoundException(username);
			}
			return user;
		};
	}

	/** The two filters run inside the security chain only, not a second time as plain servlet filters. */
	@Bean
	FilterRegistrationBean<AuditedRequests.Recorder> auditFilterRegistration(AuditedRequests.Recorder filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> sizeLimitFilterRegistration(RequestSizeLimitFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CrossSiteRequestFilter> crossSiteFilterRegistration(CrossSiteRequestFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilterRegistration(LoginThrottleFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}
}
