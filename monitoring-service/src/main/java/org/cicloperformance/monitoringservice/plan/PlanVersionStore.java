package org.cicloperformance.monitoringservice.plan;

import org.springframework.beans.factory.annotation.Autowired;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.bson.Document;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code plan_versions}: one document per (planId, version), written once.
 * <p>
 * Versions are immutable, so they are kept in memory, decoded, in a bounded cache by plan: each version saved here
 * (by the plan-events consumer) goes into its plan's entry, and a plan not in memory (after a restart, or evicted) is
 * read once, by {@code _id}, from the version numbers this instance knows (read once with a single scan, then kept up
 * to date by every save). In the steady state no request reads or decodes {@code plan_versions}, and an unknown plan
 * costs no read at all. This relies on every version reaching this instance's {@link #saveIfAbsent}:
 * monitoring-service runs one replica, which consumes every partition of plan-events.
 */
@Component
public class PlanVersionStore implements Indexed {

	static final String COLLECTION = "plan_versions";

	private final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	/** The versions of each plan, oldest first, decoded; a plan without any version is never an entry. */
	private final Cache<String, List<PlanVersion>> cache;

	/** The version numbers stored of every plan; null until read (once, on first use). */
	private volatile Map<String, Set<Integer>> stored;

	/** {@code maxVersions}: the versions kept in memory, all plans together (~220 KB each for 250 indicators). */
	@Autowired
	PlanVersionStore(MongoTemplate mongo, MeterRegistry meters, PlanCacheSettings settings) {
		this(mongo, meters, settings.maxVersions());
	}

	PlanVersionStore(MongoTemplate mongo, MeterRegistry meters, long maxVersions) {
		this.mongo = mongo;
		this.cache = Caffeine.newBuilder().maximumWeight(maxVersions)
				.weigher((String planId, List<PlanVersion> versions) -> versions.size()).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, cache, "plan.versions");
	}

	@Override
	public void createIndexes() {
		collection().createIndex(Indexes.ascending("planId", "version"), new IndexOptions().unique(true));
	}

	/**
	 * Stores the version unless it is already there; returns false for a duplicate (a redelivered event). The version
	 * then joins its plan in memory, decoded as a read would decode it; a plan not in memory is put there when this
	 * is its only version. Done after the write and atomically with a concurrent first read of the same plan, so
	 * that read either finds the version stored or gets it added.
	 */
	public boolean saveIfAbsent(PlanVersion version) {
		Document document = codec.toDocument(version);
		String id = idOf(version.planId(), version.version());
		UpdateResult result = collection().updateOne(Filters.eq("_id", id), Updates.setOnInsert(document),
				new UpdateOptions().upsert(true));
		PlanVersion decoded = read(document);
		Set<Integer> numbers = stored().computeIfAbsent(version.planId(), planId -> new ConcurrentSkipListSet<>());
		cache.asMap().compute(version.planId(), (planId, known) -> {
			numbers.add(version.version());
			if (known != null) {
				return with(known, decoded);
			}
			return numbers.equals(Set.of(version.version())) ? List.of(decoded) : null;
		});
		return result.getUpsertedId() != null;
	}

	/** The versions received of the plan, oldest first (none when unknown); from memory once read. */
	public List<PlanVersion> versionsOf(String planId) {
		List<PlanVersion> versions = cache.get(planId, this::load);
		return versions == null ? List.of() : versions;
	}

	public List<PlanVersion> all() {
		return collection().find().sort(Sorts.ascending("planId", "version")).map(this::read).into(new ArrayList<>());
	}

	/** The plan's versions by {@code _id} (an index lookup, also on the embedded database); null when none. */
	private List<PlanVersion> load(String planId) {
		Set<Integer> numbers = stored().get(planId);
		if (numbers == null || numbers.isEmpty()) {
			return null;
		}
		List<String> ids = numbers.stream().map(n -> idOf(planId, n)).toList();
		List<PlanVersion> versions = collection().find(Filters.in("_id", ids)).map(this::read).into(new ArrayList<>());
		versions.sort(Comparator.comparingInt(PlanVersion::version));
		return versions.isEmpty() ? null : List.copyOf(versions);
	}

	private Map<String, Set<Integer>> stored() {
		Map<String, Set<Integer>> numbers = stored;
		if (numbers != null) {
			return numbers;
		}
		synchronized (this) {
			if (stored == null) {
				Map<String, Set<Integer>> read = new ConcurrentHashMap<>();
				for (Document d : collection().find().projection(Projections.include("planId", "version"))) {
					Number version = d.get("version", Number.class);
					if (d.getString("planId") != null && version != null) {
						read.computeIfAbsent(d.getString("planId"), p -> new ConcurrentSkipListSet<>())
								.add(version.intValue());
					}
				}
				stored = read;
			}
			return stored;
		}
	}

	private static List<PlanVersion> with(List<PlanVersion> known, PlanVersion version) {
		if (known.stream().anyMatch(v -> v.version() == version.version())) {
			return known;
		}
		return Stream.concat(known.stream(), Stream.of(version))
				.sorted(Comparator.comparingInt(PlanVersion::version)).toList();
	}

	private static String idOf(String planId, int version) {
		return planId + ":" + version;
	}

	private PlanVersion read(Document document) {
		Document fields = new Document(document);
		fields.remove("_id");
		return codec.fromDocument(fields, PlanVersion.class);
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
