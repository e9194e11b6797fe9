package org.cicloperformance.monitoringservice.result.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration
class WebConfig {

	/** Italian unless the client asks for English: the server's own locale must not decide. */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setDefaultLocale(Locale.ITALIAN);
		resolver.setSupportedLocales(List.of(Locale.ITALIAN, Locale.ENGLISH));
		return resolver;
	}
}
