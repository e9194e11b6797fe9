package org.cicloperformance.monitoringservice.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Collection {@code plan_versions}: one document per (planId, version), written once. */
@Component
public class PlanVersionStore {

	static final String COLLECTION = "plan_versions";

	private final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	PlanVersionStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void createIndexes() {
		collection().createIndex(Indexes.ascending("planId", "version"), new IndexOptions().unique(true));
	}

	/** Stores the version unless it is already there; returns false for a duplicate (a redelivered event). */
	public boolean saveIfAbsent(PlanVersion version) {
		Document document = codec.toDocument(version);
		String id = version.planId() + ":" + version.version();
		UpdateResult result = collection().updateOne(Filters.eq("_id", id), Updates.setOnInsert(document),
				new UpdateOptions().upsert(true));
		return result.getUpsertedId() != null;
	}

	public List<PlanVersion> versionsOf(String planId) {
		return collection().find(Filters.eq("planId", planId)).sort(Sorts.ascending("version"))
				.map(this::read).into(new ArrayList<>());
	}

	public List<PlanVersion> all() {
		return collection().find().sort(Sorts.ascending("planId", "version")).map(this::read).into(new ArrayList<>());
	}

	private PlanVersion read(Document document) {
		document.remove("_id");
		return codec.fromDocument(document, PlanVersion.class);
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
