package org.cicloperformance.planservice.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replaces Boot's {@code JsonMapper.Builder} only to give it a parser factory with {@link JsonLimits}: a customizer
 * cannot swap the factory of a builder. Boot's customizers (its {@code spring.jackson.*} settings, problem details)
 * are applied as Boot would, in their order.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	@Scope("prototype")
	JsonMapper.Builder jsonMapperBuilder(JsonLimits limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		var constraints = StreamReadConstraints.builder()
			.maxNumberLength(limits.maxNumberLength())
			.maxStringLength(limits.maxStringLength())
			.maxNestingDepth(limits.maxNestingDepth())
			.maxDocumentLength(limits.maxDocumentLength())
			.build();
		var builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
		customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
		return builder;
	}
}
