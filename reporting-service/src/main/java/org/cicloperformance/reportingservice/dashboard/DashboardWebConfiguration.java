package org.cicloperformance.reportingservice.dashboard;

import org.cicloperformance.reportingservice.format.Formats;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The dashboard's language switch ({@code ?lang=en}, remembered in a cookie) and the root redirect. */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration implements WebMvcConfigurer {

	/** Replaces Boot's Accept-Language resolver (it backs off when a bean of this name exists). */
	@Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new DashboardLocaleResolver();
	}

	/** The pages' formats ({@code @fmt} in the templates), in the language of the request being served. */
	@Bean("fmt")
	Formats fmt() {
		return Formats.following(LocaleContextHolder::getLocale);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
		languageSwitch.setParamName("lang");
		languageSwitch.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languageSwitch).addPathPatterns("/dashboard", "/dashboard/**");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/dashboard");
	}
}
