package org.cicloperformance.monitoringservice.evidence.web;

import jakarta.servlet.MultipartConfigElement;
import org.cicloperformance.monitoringservice.evidence.EvidenceSettings;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet's multipart limits are a ceiling for every multipart upload; each path has its own limit, enforced
 * before the body is read ({@code RequestSizeLimitFilter}) and, for evidence, on the file itself (a 413 that names
 * the field). So the ceiling is the larger of {@code spring.servlet.multipart.*} (the CSV upload) and the evidence
 * request, whatever either is configured to: raising {@code monitoring.evidence.max-file-size} alone is enough.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLimits {

	@Bean
	MultipartConfigElement multipartConfigElement(MultipartProperties multipart, EvidenceSettings evidence) {
		MultipartConfigElement configured = multipart.createMultipartConfig();
		long evidenceRequest = evidence.maxRequestSize().toBytes();
		return new MultipartConfigElement(configured.getLocation(), atLeast(configured.getMaxFileSize(), evidenceRequest),
				atLeast(configured.getMaxRequestSize(), evidenceRequest), configured.getFileSizeThreshold());
	}

	/** -1 is "no limit" and stays so. */
	private static long atLeast(long configured, long needed) {
		return configured < 0 ? configured : Math.max(configured, needed);
	}
}
