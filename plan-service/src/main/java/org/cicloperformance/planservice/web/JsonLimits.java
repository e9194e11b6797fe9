package org.cicloperformance.planservice.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the JSON parser itself ({@code plan.json.*}), which refuses a body beyond them before any value is
 * built: a 10 MB string, a million-digit number or a document nested ten thousand levels deep never reaches a
 * record. They sit above the field bounds of {@code InputBounds}, so that a text slightly too long is still refused
 * with a 422 naming its field rather than a 400.
 *
 * @param maxNumberLength digits of one number (exponent included)
 * @param maxStringLength characters of one string; above the longest text a field admits (10,000)
 * @param maxNestingDepth levels of arrays and objects; a plan has about 13
 * @param maxDocumentLength characters of one body; the request filter already refuses bodies over 2 MB
 */
@ConfigurationProperties("plan.json")
record JsonLimits(@DefaultValue("100") int maxNumberLength, @DefaultValue("100000") int maxStringLength,
		@DefaultValue("32") int maxNestingDepth, @DefaultValue("4000000") long maxDocumentLength) {
}
