package org.cicloperformance.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.reflect.Constructor;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its unique indexes ordered by {@link IndexKeyOrder} (the same files, the same
 * order, without the serialisation on every key comparison) and its documents stored as BSON
 * ({@link DocumentValueType}; folders written before still open).
 */
final class FastIndexH2Backend extends H2Backend {

	FastIndexH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new FastIndexH2Database(databaseName, getMvStore(), getCursorRegistry());
	}

	private static final class FastIndexH2Database extends H2Database {

		// package-private in the library: the index itself is unchanged, only the order of its map's keys
		private static final Constructor<H2UniqueIndex> UNIQUE_INDEX = uniqueIndexConstructor();

		private final MVStore store;

		FastIndexH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
			super(databaseName, store, cursors);
			this.store = store;
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			MVStore mvStore = store != null ? store : storeOf(this);
			// the maps' names as the library gives them, so existing data folders keep their collections
			String fullName = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> data = mvStore.openMap("databases." + fullName,
					new MVMap.Builder<Object, Document>().valueType(DocumentValueType.INSTANCE));
			MVMap<String, Object> meta = mvStore.openMap("meta." + fullName);
			return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
				List<IndexKey> keys, boolean sparse) {
			// the superclass constructor opens existing indexes before this.store is set
			MVStore mvStore = store != null ? store : storeOf(this);
			// the map's name as the library gives it, so existing data folders keep their indexes
			String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
			MVMap<KeyValue, Object> map = mvStore.openMap(mapName,
					new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyOrder.INSTANCE));
			try {
				return UNIQUE_INDEX.newInstance(map, indexName, keys, sparse);
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException("Indice non apribile: " + mapName, e);
			}
		}

		private static MVStore storeOf(H2Database database) {
			try {
				var field = H2Database.class.getDeclaredField("mvStore");
				field.setAccessible(true);
				return (MVStore) field.get(database);
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException("MVStore di mongo-java-server non raggiungibile", e);
			}
		}

		private static Constructor<H2UniqueIndex> uniqueIndexConstructor() {
			try {
				Constructor<H2UniqueIndex> constructor = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class,
						String.class, List.class, boolean.class);
				constructor.setAccessible(true);
				return constructor;
			}
			catch (NoSuchMethodException e) {
				throw new IllegalStateException("mongo-java-server: H2UniqueIndex cambiato", e);
			}
		}
	}
}
