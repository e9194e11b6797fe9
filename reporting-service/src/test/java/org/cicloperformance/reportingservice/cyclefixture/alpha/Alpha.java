package org.cicloperformance.reportingservice.cyclefixture.alpha;

import org.cicloperformance.reportingservice.cyclefixture.beta.Beta;

/** Half of a deliberate package cycle: {@code ArchitectureTest} shows its rule catches it. */
public class Alpha {

	Beta beta;
}
