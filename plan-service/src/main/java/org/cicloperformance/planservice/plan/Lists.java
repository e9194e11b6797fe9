package org.cicloperformance.planservice.plan;

import java.util.List;

final class Lists {

	private Lists() {
	}

	/** Absent lists in imported JSON mean "none": normalise them once so no caller has to null-check. */
	static <T> List<T> copy(List<T> list) {
		return list == null ? List.of() : List.copyOf(list);
	}
}
