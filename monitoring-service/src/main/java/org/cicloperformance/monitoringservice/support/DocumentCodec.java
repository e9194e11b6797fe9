package org.cicloperformance.monitoringservice.support;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns records into BSON documents and back through JSON. BigDecimals are stored as strings so that their scale
 * survives (82.70 stays 82.70, which a BSON double would not keep), and the stored shape is exactly the JSON
 * shape users see.
 */
public final class DocumentCodec {

	private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	private final JsonMapper mapper = JsonMapper.builder()
			.withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
			.changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
			.build();

	public Document toDocument(Object value) {
		return Document.parse(mapper.writeValueAsString(value));
	}

	public <T> T fromDocument(Document document, Class<T> type) {
		return mapper.readValue(document.toJson(RELAXED), type);
	}
}
