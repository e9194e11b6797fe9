package org.cicloperformance.monitoringservice.web;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

@Configuration
class WebConfig {

	/**
	 * What the JSON parser itself accepts, before any field is bound: numbers of at most 64 characters (the bounds
	 * of {@code refusal.InputBounds} need far fewer), strings of at most 1M characters (the request is at most 2 MB anyway),
	 * 64 levels of nesting. The fields' own bounds, with a pointer and a 422, come after binding.
	 */
	static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder().maxNumberLength(64)
			.maxStringLength(1_000_000).maxNestingDepth(64).build();

	/** Italian unless the client asks for English: the server's own locale must not decide. */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setDefaultLocale(Locale.ITALIAN);
		resolver.setSupportedLocales(List.of(Locale.ITALIAN, Locale.ENGLISH));
		return resolver;
	}

	/**
	 * Boot's JSON mapper (every customizer applied as Boot would), on a factory with {@link #READ_CONSTRAINTS}: the
	 * builder cannot change the factory afterwards, so the builder itself is defined here and Boot's backs off.
	 */
	@Bean
	@Scope("prototype")
	JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(READ_CONSTRAINTS)
				.build());
		customizers.orderedStream().forEach(c -> c.customize(builder));
		return builder;
	}
}
