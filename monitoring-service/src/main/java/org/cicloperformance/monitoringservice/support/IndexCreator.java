package org.cicloperformance.monitoringservice.support;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of every {@link Indexed} store once, at start-up, on one thread, before the consumer and the
 * relay start (mongo-java-server crashes when indexes are created concurrently). The stores say they have indexes;
 * this class knows none of them.
 */
@Component
class IndexCreator implements SmartInitializingSingleton {

	private final List<Indexed> stores;

	IndexCreator(List<Indexed> stores) {
		this.stores = List.copyOf(stores);
	}

	@Override
	public void afterSingletonsInstantiated() {
		stores.forEach(Indexed::createIndexes);
	}
}
