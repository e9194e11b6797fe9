package org.cicloperformance.reportingservice.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ciclo.security.jwt.*}: the identity provider of production, {@code issuer-uri} ({@code OIDC_ISSUER_URI}) and
 * optionally {@code jwk-set-uri} ({@code OIDC_JWK_SET_URI}); both empty by default (no JWT accepted).
 */
@ConfigurationProperties("ciclo.security.jwt")
record JwtSettings(@DefaultValue("") String issuerUri, @DefaultValue("") String jwkSetUri) {
}
