package org.cicloperformance.reportingservice.cyclefixture.beta;

import org.cicloperformance.reportingservice.cyclefixture.alpha.Alpha;

/** The other half of the deliberate cycle of {@code cyclefixture}. */
public class Beta {

	Alpha alpha;
}
