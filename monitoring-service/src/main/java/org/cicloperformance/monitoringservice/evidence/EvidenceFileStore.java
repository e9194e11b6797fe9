package org.cicloperformance.monitoringservice.evidence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code evidence_files}: one document per uploaded file, {@code _id} = evidenceId, the bytes as BSON
 * binary (not through the JSON codec, which would turn them into base64 text). A file is written before the result
 * links it, so a crash in between leaves an unlinked file that nobody can reach, never a link without bytes.
 */
@Component
class EvidenceFileStore {

	static final String COLLECTION = "evidence_files";

	private final MongoTemplate mongo;

	EvidenceFileStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void insert(StoredFile file) {
		collection().insertOne(new Document("_id", file.evidenceId())
				.append("planId", file.planId())
				.append("entity", file.entity())
				.append("objective", file.objective())
				.append("indicator", file.indicator())
				.append("checkpoint", file.checkpoint())
				.append("resultVersion", file.resultVersion())
				.append("fileName", file.fileName())
				.append("contentType", file.contentType())
				.append("size", file.size())
				.append("sha256", file.sha256())
				.append("uploadedBy", file.uploadedBy())
				.append("uploadedAt", Date.from(file.uploadedAt()))
				.append("description", file.description())
				.append("bytes", new Binary(file.bytes())));
	}

	/** Before it is linked: the result version moved on while the file was being stored. */
	void moveToVersion(String evidenceId, int resultVersion) {
		collection().updateOne(Filters.eq("_id", evidenceId), Updates.set("resultVersion", resultVersion));
	}

	/**
	 * Removes a file this request stored and could not link because the same bytes were attached meanwhile. Only
	 * for that: attached files are never removed.
	 */
	void discardUnlinked(String evidenceId) {
		collection().deleteOne(Filters.eq("_id", evidenceId));
	}

	Optional<StoredFile> find(String evidenceId) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", evidenceId)).first()).map(EvidenceFileStore::read);
	}

	private static StoredFile read(Document d) {
		return new StoredFile(d.getString("_id"), d.getString("planId"), d.getString("entity"), d.getString("objective"),
				d.getString("indicator"), d.getString("checkpoint"), d.getInteger("resultVersion", 0),
				d.getString("fileName"), d.getString("contentType"), ((Number) d.get("size")).longValue(),
				d.getString("sha256"), d.getString("uploadedBy"), d.getDate("uploadedAt").toInstant(),
				d.getString("description"), bytesOf(d.get("bytes")));
	}

	private static byte[] bytesOf(Object stored) {
		return stored instanceof Binary binary ? binary.getData() : (byte[]) stored;
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
