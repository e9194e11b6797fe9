package org.cicloperformance.reportingservice.security;

/**
 * A path whose POST body may be larger than the JSON limit, declared by the feature that reads it (the dashboard's result entry with its file),
 * so that the request size filter needs no knowledge of the features.
 */
public interface UploadLimit {

	/** Whether a POST to this path (without the context path) falls under this limit. */
	boolean covers(String path);

	/** The largest body accepted, in bytes. */
	long maxBytes();

}
