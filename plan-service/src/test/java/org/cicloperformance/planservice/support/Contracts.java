package org.cicloperformance.planservice.support;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The producer's contract for plan-events: its JSON Schema and golden samples, as consumers will see them. */
public final class Contracts {

	private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
		.getSchema(Contracts.class.getResourceAsStream("/contract/plan-events.schema.json"),
				SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

	private Contracts() {
	}

	/** @return the schema violations of {@code json}, empty when it honours the contract. */
	public static List<String> violations(String json) {
		return SCHEMA.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
	}

	public static String sample(String name) {
		try (var in = Contracts.class.getResourceAsStream("/contract/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
