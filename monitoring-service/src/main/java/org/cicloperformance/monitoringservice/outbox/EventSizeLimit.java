package org.cicloperformance.monitoringservice.outbox;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The largest event payload a write may put into an outbox: the relay producer's {@code max.request.size} (Kafka's
 * default 1 MB unless the binder's producer properties say otherwise) less a margin for the key, the headers and the
 * record and batch framing. A write whose event would not fit is refused (422 {@code event-too-large}) and stores
 * nothing, so that no accepted change waits behind an event Kafka can never take.
 */
@Component
public class EventSizeLimit {

	/** Key (a plan id, at most 200 characters), headers and framing take far less than this. */
	static final int MARGIN = 16 * 1024;

	private static final int KAFKA_DEFAULT = 1024 * 1024;

	private final int maxPayloadBytes;

	@Autowired
	EventSizeLimit(Environment environment) {
		this(maxRequestSize(KafkaEventSender.configuration(environment)));
	}

	EventSizeLimit(int maxRequestSize) {
		if (maxRequestSize <= 2 * MARGIN) {
			throw new IllegalArgumentException("max.request.size must be above " + 2 * MARGIN + " bytes");
		}
		this.maxPayloadBytes = maxRequestSize - MARGIN;
	}

	private static int maxRequestSize(Map<String, Object> producer) {
		Object configured = producer.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
		return configured == null ? KAFKA_DEFAULT : Integer.parseInt(configured.toString().trim());
	}

	/** The largest payload, in UTF-8 bytes. */
	public int maxPayloadBytes() {
		return maxPayloadBytes;
	}

	/** Whether the payload, as UTF-8, is at most {@link #maxPayloadBytes()} (counted without encoding it). */
	public boolean fits(String payload) {
		long bytes = 0;
		for (int i = 0; i < payload.length(); i++) {
			char c = payload.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < payload.length()
					&& Character.isLowSurrogate(payload.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
			if (bytes > maxPayloadBytes) {
				return false;
			}
		}
		return true;
	}
}
