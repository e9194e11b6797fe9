package org.cicloperformance.archfixture.cycle.beta;

import org.cicloperformance.archfixture.cycle.alpha.Alpha;

/** The other half of the deliberate cycle (see {@link Alpha}). */
public class Beta {

	Alpha alpha;
}
