package org.cicloperformance.reportingservice.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.cicloperformance.reportingservice.format.Formats;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of the pages' charts, as {@code dashboard.js} reads it from a {@code <script type="application/json">}
 * block: values in percentage points (two decimals) for the axes, the same figures formatted for the labels.
 */
@Component
class Charts {

	/** A sunburst of the strategy: areas, strategic objectives, objectives; the centre is the entity. */
	record Sunburst(String type, Center center, List<Node> data) {
	}

	record Center(String name, String text, String light) {
	}

	/** A ring's slice; {@code value} (the leaf's share of the whole) on objectives only, children on the others. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Node(String name, String title, String text, String light, BigDecimal value, List<Node> children) {
	}

	/** Horizontal bars, one a manager or objective. */
	record Bars(String type, String series, List<Bar> bars) {
	}

	record Bar(String label, BigDecimal value, String text, String light) {
	}

	/** Lines ({@code unit} "%") or columns over the checkpoints. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Series(String type, String unit, List<String> categories, List<Line> series) {
	}

	record Line(String name, List<BigDecimal> values, List<String> texts) {
	}

	private final Display display;

	private final Formats fmt;

	private final JsonMapper json;

	Charts(Display display, Formats fmt, JsonMapper json) {
		this.display = display;
		this.fmt = fmt;
		this.json = json;
	}

	String sunburst(String entityName, BigDecimal entityScore, TrafficLight entityLight, List<Node> areas) {
		return toJson(new Sunburst("sunburst", new Center(entityName, text(entityScore, entityLight),
				entityLight.name()), areas));
	}

	Node node(String code, String name, BigDecimal score, TrafficLight light, BigDecimal value, List<Node> children) {
		return new Node(code, name, text(score, light), light.name(),
				value == null ? null : value.setScale(4, RoundingMode.HALF_EVEN), children);
	}

	Bar bar(String label, BigDecimal score, TrafficLight light) {
		return new Bar(label, percentagePoints(score), text(score, light), light.name());
	}

	/** A score as a label: "Da misurare" while nothing was posted on an open checkpoint. */
	private String text(BigDecimal score, TrafficLight light) {
		return light.toMeasure() ? display.message("score.toMeasure") : fmt.percent(score);
	}

	String bars(List<Bar> bars) {
		return toJson(new Bars("bars", display.message("chart.score"), bars));
	}

	/** Score and coverage at each checkpoint that has data (one still to be measured would drop to 0). */
	String trend(List<Pages.TrendPoint> all) {
		List<Pages.TrendPoint> trend = all.stream().filter(p -> !p.light().toMeasure()).toList();
		return toJson(new Series("lines", "%", trend.stream().map(Pages.TrendPoint::label).toList(),
				List.of(fractions(display.message("chart.score"), trend.stream().map(Pages.TrendPoint::score).toList()),
						fractions(display.message("chart.coverage"),
								trend.stream().map(Pages.TrendPoint::coverage).toList()))));
	}

	/** A numeric indicator's target and result at each checkpoint, as the plan and the office wrote them. */
	String targetAndResult(List<String> checkpoints, List<BigDecimal> targets, List<BigDecimal> results) {
		return toJson(new Series("columns", null, checkpoints,
				List.of(numbers(display.message("chart.target"), targets),
						numbers(display.message("chart.result"), results))));
	}

	private Line fractions(String name, List<BigDecimal> values) {
		return new Line(name, values.stream().map(Charts::percentagePoints).toList(),
				values.stream().map(fmt::percent).toList());
	}

	private Line numbers(String name, List<BigDecimal> values) {
		return new Line(name, values, values.stream().map(fmt::number).toList());
	}

	private static BigDecimal percentagePoints(BigDecimal fraction) {
		return fraction == null ? null : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
	}

	/** JSON for a {@code <script type="application/json">} block: '<' escaped so no text can close the script. */
	private String toJson(Object value) {
		return json.writeValueAsString(value).replace("<", "\\u003c");
	}
}
