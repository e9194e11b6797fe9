package org.cicloperformance.monitoringservice.result;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cicloperformance.monitoringservice.outbox.OutboxWrite;
import org.cicloperformance.monitoringservice.outbox.OutboxWrites;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code results}. Every write is one single-document atomic operation (mongo-java-server has no
 * multi-document transactions): the first version is an insert, each later one a compare-and-set on
 * {@code currentVersion} that pushes the version and its outbox entry together (stamped, with the document's
 * {@code lastEventAt}: see {@link OutboxWrite}), after which the entries themselves are handed to the relay. The compare-and-set filter is the
 * flat document {@code {_id, currentVersion}}, exactly the keys of a unique index, which mongo-java-server then uses
 * instead of scanning the collection (on MongoDB it is an ordinary index). A batch reads the heads of all its
 * documents with one query and writes them with one unordered bulk write of such inserts and compare-and-sets.
 */
@Component
public class ResultStore implements Indexed {

	static final String COLLECTION = "results";

	private final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	private final OutboxWrites outbox;

	ResultStore(MongoTemplate mongo, @Qualifier("resultsOutbox") OutboxWrites outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@Override
	public void createIndexes() {
		collection().createIndex(Indexes.ascending("planId", "checkpoint"));
		collection().createIndex(Indexes.ascending("entity", "planId"));
		collection().createIndex(Indexes.ascending("_id", "currentVersion"), new IndexOptions().unique(true));
	}

	public Optional<ResultDocument> find(String id) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(this::read);
	}

	/** The current version of a result, without reading (and decoding) its versions; empty when there is none. */
	OptionalInt currentVersion(String id) {
		Document head = collection().find(Filters.eq("_id", id)).projection(Projections.include("currentVersion"))
				.first();
		return head == null ? OptionalInt.empty() : OptionalInt.of(head.get("currentVersion", Number.class).intValue());
	}

	/** Inserts version 1; false when another writer created the document first. */
	boolean insertFirst(ResultDocument document) {
		try (OutboxWrite write = outbox.begin()) {
			try {
				collection().insertOne(write.stampedDocument(stored(document)));
			}
			catch (MongoWriteException e) {
				if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
					return false;
				}
				throw e;
			}
			catch (RuntimeException e) {
				write.uncertain(List.of(document.id()));
				throw e;
			}
			write.written(document.id(), document.outbox());
			return true;
		}
	}

	/** Appends version n+1 and its event if the document is still at version n; false on a lost race. */
	boolean append(String id, int expectedVersion, ResultVersion version, OutboxEntry event) {
		try (OutboxWrite write = outbox.begin()) {
			Bson update = Updates.combine(
					Updates.set("currentVersion", version.version()),
					Updates.push("versions", codec.toDocument(version)),
					Updates.push("outbox", write.stamped(stored(event))),
					write.lastEventAt());
			Document expected = new Document("_id", id).append("currentVersion", expectedVersion);
			if (!updated(write, id, expected, update)) {
				return false;
			}
			write.written(id, List.of(event));
			return true;
		}
	}

	/** One update of one document; a failure that may have written it leaves the document for the relay to read. */
	private boolean updated(OutboxWrite write, String id, Bson filter, Bson update) {
		try {
			return collection().updateOne(filter, update).getModifiedCount() == 1;
		}
		catch (MongoWriteException e) {
			throw e;
		}
		catch (RuntimeException e) {
			write.uncertain(List.of(id));
			throw e;
		}
	}

	/**
	 * The existing documents among {@code ids}, by id, read with one query: only their {@code currentVersion}, or
	 * (when {@code withVersions}) everything but their outbox events, which a retried request needs to find what it
	 * wrote and answer it again.
	 */
	Map<String, ResultDocument> heads(Collection<String> ids, boolean withVersions) {
		Map<String, ResultDocument> heads = new HashMap<>();
		if (ids.isEmpty()) {
			return heads;
		}
		Bson projection = withVersions ? Projections.exclude("outbox") : Projections.include("currentVersion");
		collection().find(Filters.in("_id", ids)).projection(projection).map(this::read)
				.forEach(d -> heads.put(d.id(), d));
		return heads;
	}

	/**
	 * One document's share of a bulk write. With {@code expectedVersion} 0, the insert of {@code document}; otherwise
	 * the compare-and-set on {@code expectedVersion} that pushes the document's versions and events (only the new
	 * ones, in order) and sets its {@code currentVersion}.
	 */
	record Write(ResultDocument document, int expectedVersion) {

		String id() {
			return document.id();
		}
	}

	/**
	 * Writes every share with one unordered bulk write (each share stays one single-document atomic operation) and
	 * hands the events of each document written to the outbox. Answers the ids of those not written because they lost
	 * a race: an insert of a document that exists by now, an append to a version that has moved on.
	 */
	Set<String> writeAll(List<Write> writes) {
		Set<String> lost = new HashSet<>();
		if (writes.isEmpty()) {
			return lost;
		}
		try (OutboxWrite write = outbox.begin()) {
			List<WriteModel<Document>> models = writes.stream().map(w -> model(w, write)).toList();
			BulkWriteResult result;
			try {
				result = collection().bulkWrite(models, new BulkWriteOptions().ordered(false));
			}
			catch (MongoBulkWriteException e) {
				for (BulkWriteError error : e.getWriteErrors()) {
					if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
						throw failed(writes, write, e);
					}
					lost.add(writes.get(error.getIndex()).id());
				}
				if (e.getWriteConcernError() != null) {
					throw failed(writes, write, e);
				}
				result = e.getWriteResult();
			}
			catch (RuntimeException e) {
				throw failed(writes, write, e);
			}
			List<Write> appends = writes.stream().filter(w -> w.expectedVersion() > 0 && !lost.contains(w.id()))
					.toList();
			if (result.getModifiedCount() < appends.size()) {
				lost.addAll(notAppended(appends));
			}
			writes.stream().filter(w -> !lost.contains(w.id()))
					.forEach(w -> write.written(w.id(), w.document().outbox()));
			return lost;
		}
	}

	/**
	 * A bulk write that failed otherwise than by lost races may still have written some documents (MongoDB does not
	 * say which): all are left for the relay to read, which finds this write's events in them or none.
	 */
	private static RuntimeException failed(List<Write> writes, OutboxWrite write, RuntimeException e) {
		write.uncertain(writes.stream().map(Write::id).toList());
		return e;
	}

	private WriteModel<Document> model(Write write, OutboxWrite outboxWrite) {
		ResultDocument d = write.document();
		if (write.expectedVersion() == 0) {
			return new InsertOneModel<>(outboxWrite.stampedDocument(stored(d)));
		}
		Bson update = Updates.combine(
				Updates.set("currentVersion", d.currentVersion()),
				Updates.pushEach("versions", d.versions().stream().map(codec::toDocument).toList()),
				Updates.pushEach("outbox", d.outbox().stream().map(e -> outboxWrite.stamped(stored(e))).toList()),
				outboxWrite.lastEventAt());
		return new UpdateOneModel<>(new Document("_id", d.id()).append("currentVersion", write.expectedVersion()),
				update);
	}

	/** A document as stored: its ResultRecorded events without their JSON, which their versions rebuild. */
	private Document stored(ResultDocument document) {
		Document stored = codec.toDocument(document);
		List<Document> events = stored.getList("outbox", Document.class, List.of());
		for (int i = 0; i < events.size(); i++) {
			if (ResultEvents.rebuildable(document.outbox().get(i))) {
				OutboxWrite.withoutPayload(events.get(i));
			}
		}
		return stored;
	}

	/** An event as stored: without its JSON when its version rebuilds it ({@link ResultEvents}). */
	private Document stored(OutboxEntry event) {
		Document stored = codec.toDocument(event);
		return ResultEvents.rebuildable(event) ? OutboxWrite.withoutPayload(stored) : stored;
	}

	/**
	 * Which appends matched nothing: a bulk write counts them but does not name them, so the documents are read again
	 * (only those, rarely; by {@code _id} alone, which the index serves) to see which hold their first new version
	 * (versions stay).
	 */
	private Set<String> notAppended(List<Write> appends) {
		Set<String> eventIds = new HashSet<>();
		collection().find(Filters.in("_id", appends.stream().map(Write::id).toList()))
				.projection(Projections.include("versions.eventId"))
				.forEach(d -> d.getList("versions", Document.class, List.of())
						.forEach(v -> eventIds.add(v.getString("eventId"))));
		Set<String> missed = new HashSet<>();
		appends.stream().filter(w -> !eventIds.contains(w.document().versions().get(0).eventId())).map(Write::id)
				.forEach(missed::add);
		return missed;
	}

	/**
	 * Appends an attached file's metadata and its event in one update, if the result is still at version
	 * {@code expectedVersion} and has no file with the same bytes yet; false otherwise (the caller reads again).
	 * Versions and attachments are appended by different updates that never overwrite each other.
	 */
	public boolean attach(String id, int expectedVersion, AttachedEvidence evidence, OutboxEntry event) {
		Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("currentVersion", expectedVersion),
				Filters.ne("evidenceFiles.sha256", evidence.sha256()));
		try (OutboxWrite write = outbox.begin()) {
			Bson update = Updates.combine(
					Updates.push("evidenceFiles", codec.toDocument(evidence)),
					Updates.push("outbox", write.stamped(codec.toDocument(event))),
					write.lastEventAt());
			// uploads are rare: the $ne guard against a second copy of the same bytes is worth a scan on the embedded
			// store
			if (!updated(write, id, filter, update)) {
				return false;
			}
			write.written(id, List.of(event));
			return true;
		}
	}

	/** The results of one entity, optionally of one plan and/or checkpoint (without their outbox events). */
	public List<ResultDocument> byPlan(String entity, String planId, String checkpoint) {
		List<Bson> filters = new ArrayList<>();
		filters.add(Filters.eq("entity", entity));
		if (planId != null) {
			filters.add(Filters.eq("planId", planId));
		}
		if (checkpoint != null) {
			filters.add(Filters.eq("checkpoint", checkpoint));
		}
		// without their events, which stay in the documents once relayed and which no reader needs
		return collection().find(Filters.and(filters)).projection(Projections.exclude("outbox"))
				.sort(Sorts.ascending("_id")).map(this::read).into(new ArrayList<>());
	}

	private ResultDocument read(Document document) {
		return codec.fromDocument(document, ResultDocument.class);
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
