package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed's 30/6 deviations (demo file scostamenti-2018-06-30.json), compared with those computed. */
final class SeedDeviations {

	private SeedDeviations() {
	}

	/** Asserts each seed deviation against {@code computed} (by "objective/indicator"); answers the keys compared. */
	static List<String> assertMatch(Map<String, Deviation> computed) throws Exception {
		List<String> compared = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		for (JsonNode expected : json.readTree(SamplePlans.read(SamplePlans.DEMO.resolve("scostamenti-2018-06-30.json")))) {
			String key = expected.get("objective").asString() + "/" + expected.get("indicator").asString();
			Deviation deviation = computed.get(key);
			if (!expected.get("number").isNull()) {
				assertThat(deviation.number()).as(key).isEqualByComparingTo(expected.get("number").decimalValue());
				compared.add(key);
			}
			if (!expected.get("components").isNull()) {
				Map<String, BigDecimal> components = new HashMap<>();
				expected.get("components").properties().forEach(e -> components.put(e.getKey(), e.getValue().decimalValue()));
				assertThat(deviation.components()).as(key).hasSameSizeAs(components);
				components.forEach((code, value) -> assertThat(deviation.components().get(code)).as(key + " " + code)
						.isEqualByComparingTo(value));
				compared.add(key);
			}
			if (!expected.get("missedMilestones").isNull()) {
				List<String> missed = new ArrayList<>();
				expected.get("missedMilestones").forEach(m -> missed.add(m.asString()));
				assertThat(deviation.missedMilestones()).as(key).containsExactlyElementsOf(missed);
				compared.add(key);
			}
		}
		return compared;
	}
}
