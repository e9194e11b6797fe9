package org.cicloperformance.planservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.cicloperformance.planservice.plan.PlanContent;
import org.cicloperformance.planservice.plan.Revision;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plans to test with: the golden sample's small plan and the 2018 demo plan of the seed document. */
public final class PlanFixtures {

	public static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private PlanFixtures() {
	}

	public static PlanContent samplePlan() {
		return JSON.treeToValue(resource("/contract/plan-published.sample.json").get("plan"), PlanContent.class);
	}

	public static PlanContent samplePlan(String entity, int year) {
		var tree = (tools.jackson.databind.node.ObjectNode) resource("/contract/plan-published.sample.json").get("plan");
		tree.put("entity", entity);
		tree.put("year", year);
		return JSON.treeToValue(tree, PlanContent.class);
	}

	public static PlanContent demoPlan() {
		return JSON.treeToValue(resource("/demo/piano-2018.json"), PlanContent.class);
	}

	public static Revision demoRevision() {
		return JSON.treeToValue(resource("/demo/revisione-2018.json"), Revision.class);
	}

	public static JsonNode resource(String path) {
		try (InputStream in = PlanFixtures.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("no resource " + path);
			}
			return JSON.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
