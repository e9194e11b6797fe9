package org.cicloperformance.reportingservice.report;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through the service's logging instead of its own console handler: warnings and errors as
 * such, its per-rendering chatter (fonts loaded, timings) at debug level.
 */
final class RendererLogging implements XRLogger {

	@Override
	public void log(String where, Level level, String message) {
		log(where, level, message, null);
	}

	@Override
	public void log(String where, Level level, String message, Throwable error) {
		Logger logger = LoggerFactory.getLogger(where);
		if (level.intValue() >= Level.SEVERE.intValue()) {
			logger.error(message, error);
		}
		else if (level.intValue() >= Level.WARNING.intValue()) {
			logger.warn(message, error);
		}
		else {
			logger.debug(message, error);
		}
	}

	@Override
	public void setLevel(String logger, Level level) {
		// levels are the service's logging configuration's
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		return diagnostic.getLevel().intValue() >= Level.WARNING.intValue()
				|| LoggerFactory.getLogger("com.openhtmltopdf").isDebugEnabled();
	}
}
