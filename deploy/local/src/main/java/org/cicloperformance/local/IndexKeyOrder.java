package org.cicloperformance.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key order of mongo-java-server's unique indexes on H2, computed without re-serialising the keys on every
 * comparison.
 * <p>
 * Why: the H2 backend stores each unique index (every {@code _id} index among them) in an MVMap whose keys are
 * {@link KeyValue}s, which H2's {@link ObjectDataType} orders by their Java-serialised bytes, serialising both keys
 * again on every comparison of every B-tree search. Profiling the benchmark showed that and its garbage as the
 * largest cost of the embedded database (about 40% of its CPU). This type keeps the very same order, so data
 * folders written before stay valid, and remembers the bytes of each key object it has seen (weakly, by identity,
 * since two equal keys may serialise differently), so a key held in a cached page is serialised once.
 */
final class IndexKeyOrder extends ObjectDataType {

	static final IndexKeyOrder INSTANCE = new IndexKeyOrder();

	private final Cache<Object, byte[]> serialized = Caffeine.newBuilder().weakKeys().maximumSize(500_000).build();

	private IndexKeyOrder() {
	}

	@Override
	public int compare(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a instanceof KeyValue && b instanceof KeyValue) {
			return compareNotNull(bytes(a), bytes(b));
		}
		return super.compare(a, b);
	}

	private byte[] bytes(Object key) {
		return serialized.get(key, ObjectDataType::serialize);
	}
}
