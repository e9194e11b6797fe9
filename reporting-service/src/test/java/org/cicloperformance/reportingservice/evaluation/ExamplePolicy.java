package org.cicloperformance.reportingservice.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Behaviour;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Differentiation;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.PartWeights;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.PayBand;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Scale;

/** An evaluation policy of the kind a body adopts (an example, not from the seed). */
final class ExamplePolicy {

	private ExamplePolicy() {
	}

	static EvaluationPolicy policy() {
		return policy(new Differentiation(new BigDecimal("0.30"), new BigDecimal("0.34")));
	}

	static EvaluationPolicy policy(Differentiation rule) {
		return new EvaluationPolicy(
				Map.of(RoleGroup.DIRIGENTE, new PartWeights(d("0.60"), d("0.10"), d("0.30")),
						RoleGroup.SEGRETARIO_GENERALE, new PartWeights(d("0.40"), d("0.40"), d("0.20"))),
				new Scale(1, 5),
				List.of(behaviour("DIFF", "Capacità di differenziare le valutazioni dei collaboratori"),
						behaviour("RIS", "Orientamento al risultato"),
						behaviour("RIS-UM", "Gestione delle risorse umane"),
						behaviour("COLL", "Collaborazione e integrazione")),
				3,
				List.of(new PayBand("SOTTO_SOGLIA", d("0"), d("0.60"), d("0")),
						new PayBand("BASE", d("0.60"), d("0.80"), d("0.80")),
						new PayBand("BUONA", d("0.80"), d("0.90"), d("0.90")),
						new PayBand("ECCELLENTE", d("0.90"), null, d("1"))),
				rule);
	}

	private static Behaviour behaviour(String code, String name) {
		return new Behaviour(code, name, d("0.25"), Map.of(1, "Inadeguato", 2, "Parzialmente adeguato", 3, "Adeguato",
				4, "Buono", 5, "Eccellente"));
	}

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}
}
