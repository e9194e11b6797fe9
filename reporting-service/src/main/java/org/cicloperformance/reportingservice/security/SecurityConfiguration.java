package org.cicloperformance.reportingservice.security;

import jakarta.servlet.DispatcherType;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Two filter chains.
 * <ol>
 * <li>The JSON API (and actuator, API docs): stateless; identities from JWTs validated against the issuer's keys
 * (production) and, only when local users are configured (embedded default), from HTTP Basic; refusals as
 * problem+json; no CSRF token (no cookie is ever honoured), but a browser's state-changing call must come from
 * this service's own pages ({@link CrossSiteRequestFilter}). Health, Prometheus and the API docs are public.</li>
 * <li>The dashboard (everything else): a session from the service's own login form, CSRF protection, logout;
 * the root, the login page, the static assets and the WebJars are public. Production configuration defines no
 * local user, so the form lets nobody in (no default user exists either): signing in to the dashboard against the
 * identity provider (OAuth2 login) is future work, see docs/security.md.</li>
 * </ol>
 * What each role may read is decided per operation ({@link Access}, {@link PlanScope}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String LOGIN_PAGE = "/dashboard/login";

	static final String FORBIDDEN_PAGE = "/dashboard/forbidden";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, ObjectProvider<JwtDecoder> jwtDecoder,
			ProblemResponses problems, AuditedRequests.Recorder audit, RequestSizeLimitFilter sizeLimit,
			CrossSiteRequestFilter crossSite, LoginThrottleFilter throttle) throws Exception {
		boolean basic = !settings.localUsers().isEmpty();
		boolean bearer = jwtDecoder.getIfAvailable() != null;
		http.securityMatcher("/api/**", "/actuator", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
				"/swagger-ui.html", "/swagger-ui/**")
			.csrf(csrf -> csrf.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs",
						"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterAfter(audit, SecurityContextHolderFilter.class)
			.addFilterBefore(sizeLimit, CsrfFilter.class)
			.addFilterBefore(crossSite, org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.addFilterBefore(throttle, org.springframework.security.web.authentication.logout.LogoutFilter.class);
		if (basic) {
			http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(problems));
		}
		if (bearer) {
			http.oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain dashboard(HttpSecurity http, AuditedRequests.Recorder audit, RequestSizeLimitFilter sizeLimit,
			LoginThrottleFilter throttle) throws Exception {
		var failure = new SimpleUrlAuthenticationFailureHandler(LOGIN_PAGE + "?error") {
			@Override
			public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response,
					org.springframework.security.core.AuthenticationException exception)
					throws java.io.IOException, jakarta.servlet.ServletException {
				request.setAttribute(AuditedRequests.REFUSED_AS, 401);
				request.setAttribute(AuditedRequests.ATTEMPTED_USER, request.getParameter("username"));
				super.onAuthenticationFailure(request, response, exception);
			}
		};
		var success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/dashboard");
		http.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/", LOGIN_PAGE, FORBIDDEN_PAGE, "/dashboard/assets/**", "/webjars/**",
						"/favicon.ico", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage(LOGIN_PAGE)
				.loginProcessingUrl(LOGIN_PAGE)
				.successHandler(success)
				.failureHandler(failure)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/dashboard/logout")
				.logoutSuccessUrl(LOGIN_PAGE + "?logout")
				.deleteCookies("JSESSIONID"))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(refusalPage()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.addFilterAfter(audit, SecurityContextHolderFilter.class)
			.addFilterBefore(sizeLimit, CsrfFilter.class)
			.addFilterBefore(throttle, org.springframework.security.web.authentication.logout.LogoutFilter.class);
		return http.build();
	}

	/**
	 * A refusal of the dashboard is a page, in the reader's language. A stale form (its CSRF token belongs to an
	 * expired session) sends an anonymous reader back to the login form instead.
	 */
	private static AccessDeniedHandler refusalPage() {
		var page = new AccessDeniedHandlerImpl();
		page.setErrorPage(FORBIDDEN_PAGE);
		return (request, response, denied) -> {
			boolean anonymous = !Actors.isIdentified(
					org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
			if (denied instanceof CsrfException && anonymous) {
				response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?expired");
				return;
			}
			page.handle(request, response, denied);
		};
	}

	/** Local users only; with none configured (production), Basic and the login form find nobody. */
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

	/** The two filters run inside the security chains only, not a second time as plain servlet filters. */
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
