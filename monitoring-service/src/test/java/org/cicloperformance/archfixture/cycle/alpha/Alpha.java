package org.cicloperformance.archfixture.cycle.alpha;

import org.cicloperformance.archfixture.cycle.beta.Beta;

/** Half of a deliberate cycle between two feature packages: the fixture ArchitectureTest's cycle rule must refuse. */
public class Alpha {

	Beta beta;
}
