package org.cicloperformance.planservice.smvp;

import java.math.BigDecimal;

/**
 * One level of the qualitative scale, fixed in advance: the assessment (0–100) a QUALITATIVE indicator gets when
 * the OIV or the office finds what {@code descriptor} describes.
 */
public record QualitativeLevel(String code, BigDecimal assessment, String label, String descriptor) {
}
