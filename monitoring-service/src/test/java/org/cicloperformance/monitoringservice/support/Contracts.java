package org.cicloperformance.monitoringservice.support;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.Set;

public final class Contracts {

	public static final Path OWN = Path.of("src/main/resources/contract");

	private Contracts() {
	}

	public static Set<ValidationMessage> validateCheckpointEvent(String json) {
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(SamplePlans.read(OWN.resolve("checkpoint-events.schema.json")));
		return schema.validate(json, InputFormat.JSON);
	}

	public static Set<ValidationMessage> validateResultEvent(String json) {
		JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(SamplePlans.read(OWN.resolve("result-events.schema.json")));
		return schema.validate(json, InputFormat.JSON);
	}
}
