package org.cicloperformance.monitoringservice.result.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.cicloperformance.monitoringservice.plan.MeasureKind;
import org.cicloperformance.monitoringservice.result.ResultValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItalianValuesTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2.260      | 2260
			27457      | 27457
			1.234,56   | 1234.56
			82,70      | 82.70
			€ 15.205   | 15205
			-3.201     | -3201
			0          | 0
			""")
	void readsItalianNumbers(String text, BigDecimal expected) throws Exception {
		assertThat(ItalianValues.number(text, "/value/number")).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			82.70
			2.26
			1,2,3
			tanti
			""")
	void refusesWhatIsNotAnItalianNumber(String text) {
		assertThatThrownBy(() -> ItalianValues.number(text, "/value/number"))
				.isInstanceOf(ItalianValues.Unreadable.class);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			PERCENTAGE | 82,70%  | 82.70
			PERCENTAGE | 75      | 75
			COUNT      | 2.260   | 2260
			""")
	void readsNumbersByKind(MeasureKind kind, String text, BigDecimal expected) throws Exception {
		assertThat(ItalianValues.parse(kind, text).number()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "SI,true", "sì,true", "Si,true", "NO,false", "no,false" })
	void readsYesAndNo(String text, boolean expected) throws Exception {
		assertThat(ItalianValues.parse(MeasureKind.BOOLEAN, text).yes()).isEqualTo(expected);
	}

	@Test
	void readsMilestonesCompoundsAndQualitativeValues() throws Exception {
		ResultValue milestones = ItalianValues.parse(MeasureKind.MILESTONE, "M1=31/03/2018|M2=5/6/2018");
		assertThat(milestones.delivered()).extracting(ResultValue.DeliveredMilestone::date)
				.containsExactly("2018-03-31", "2018-06-05");
		ResultValue compound = ItalianValues.parse(MeasureKind.COMPOUND, "istanze=2.799|riunioni=3");
		assertThat(compound.components()).containsEntry("istanze", new BigDecimal("2799"))
				.containsEntry("riunioni", new BigDecimal("3"));
		ResultValue qualitative = ItalianValues.parse(MeasureKind.QUALITATIVE, "80|Progetto redatto | in ritardo");
		assertThat(qualitative.assessment()).isEqualTo(new BigDecimal("80"));
		assertThat(qualitative.justification()).isEqualTo("Progetto redatto | in ritardo");
		assertThat(qualitative.text()).isEqualTo("80|Progetto redatto | in ritardo");
	}

	@Test
	void namesAMilestoneDateThatIsNotADate() {
		assertThatThrownBy(() -> ItalianValues.parse(MeasureKind.MILESTONE, "M1=31/02/2018"))
				.isInstanceOfSatisfying(ItalianValues.Unreadable.class, e -> {
					assertThat(e.violation().pointer()).isEqualTo("/value/delivered/0/date");
					assertThat(e.violation().code()).isEqualTo("not-a-date");
				});
	}
}
