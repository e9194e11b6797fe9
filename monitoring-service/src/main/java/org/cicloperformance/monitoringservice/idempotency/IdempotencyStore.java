package org.cicloperformance.monitoringservice.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code idempotency_keys}: {@code _id} is the key (unique by construction). A request claims its key by
 * inserting it first, so two concurrent requests with the same key cannot both store; the winner completes the
 * claim with its response, or releases it when the request is refused or fails so that a retry can go on. The
 * conditional writes filter on flat documents with exactly the keys of a unique index, which mongo-java-server then
 * uses instead of scanning the collection.
 */
@Component
public class IdempotencyStore implements Indexed {

	static final String COLLECTION = "idempotency_keys";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration staleAfter;

	IdempotencyStore(MongoTemplate mongo, Clock clock, IdempotencySettings settings) {
		this.mongo = mongo;
		this.clock = clock;
		this.staleAfter = settings.staleClaimAfter();
	}

	/** Called once at start-up, on one thread (see {@code IndexCreator}). */
	@Override
	public void createIndexes() {
		collection().createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true));
		collection().createIndex(Indexes.ascending("_id", "state", "claimedAt"), new IndexOptions().unique(true));
	}

	public sealed interface Claim {
	}

	/** The key is ours: go on and then complete or release it. */
	public record Claimed() implements Claim {
	}

	/** The same request was answered before: replay this answer. */
	public record Completed(int status, String body, String location) implements Claim {
	}

	/** The same request is still being processed by another call. */
	public record InProgress() implements Claim {
	}

	/** The key was used for another request. */
	public record Mismatch() implements Claim {
	}

	public Claim claim(String key, String requestHash) {
		long now = clock.millis();
		try {
			collection().insertOne(new Document("_id", key).append("requestHash", requestHash)
					.append("state", "PENDING").append("claimedAt", now));
			return new Claimed();
		}
		catch (MongoWriteException e) {
			if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw e;
			}
		}
		Document existing = collection().find(Filters.eq("_id", key)).first();
		if (existing == null) {
			return claim(key, requestHash);
		}
		if (!requestHash.equals(existing.getString("requestHash"))) {
			return new Mismatch();
		}
		if ("DONE".equals(existing.getString("state"))) {
			Document response = existing.get("response", Document.class);
			return new Completed(response.getInteger("status"), response.getString("body"),
					response.getString("location"));
		}
		// A claim left behind by a crashed instance is taken over once it is old enough.
		long claimedAt = existing.get("claimedAt", Number.class).longValue();
		if (now - claimedAt > staleAfter.toMillis() && collection().updateOne(
				new Document("_id", key).append("state", "PENDING").append("claimedAt", claimedAt),
				Updates.set("claimedAt", now)).getModifiedCount() == 1) {
			return new Claimed();
		}
		return new InProgress();
	}

	public void complete(String key, int status, String body, String location) {
		collection().updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("state", "DONE"),
				Updates.set("response", new Document("status", status).append("body", body).append("location", location))));
	}

	public void release(String key) {
		collection().deleteOne(new Document("_id", key).append("state", "PENDING"));
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
