package org.cicloperformance.monitoringservice.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The identity provider of production ({@code OIDC_ISSUER_URI}, optionally {@code OIDC_JWK_SET_URI}). The decoder
 * fetches the issuer's keys on first use, so the service starts even while the provider is still booting. With
 * neither set (tests, embedded default) there is no decoder and no JWT is accepted.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${ciclo.security.jwt.issuer-uri:}'.isBlank() or !'${ciclo.security.jwt.jwk-set-uri:}'.isBlank()")
@EnableConfigurationProperties(JwtSettings.class)
class JwtIssuerConfiguration {

	@Bean
	JwtDecoder jwtDecoder(JwtSettings settings) {
		String issuer = settings.issuerUri();
		String jwkSetUri = settings.jwkSetUri();
		if (jwkSetUri.isBlank()) {
			// resolving the issuer's metadata is deferred to the first token, as the class comment promises
			return new SupplierJwtDecoder(() -> NimbusJwtDecoder.withIssuerLocation(issuer).build());
		}
		var decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
		if (!issuer.isBlank()) {
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer)));
		}
		return decoder;
	}
}
