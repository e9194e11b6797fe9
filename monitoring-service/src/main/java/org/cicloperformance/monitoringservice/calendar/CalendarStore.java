package org.cicloperformance.monitoringservice.calendar;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.outbox.OutboxWrite;
import org.cicloperformance.monitoringservice.outbox.OutboxWrites;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code calendars}: one document per (plan, checkpoint), {@code _id} = planId|checkpoint. A
 * replacement is a compare-and-set on {@code revision} (the first one an insert), so two planners saving at once
 * both get a revision of their own, one after the other, and neither write is lost unseen: the audit trail has both.
 * Each revision carries its {@link CalendarSet} event in the document's outbox, written in the same
 * single-document operation (a replacement keeps only the newest: each revision supersedes the previous one).
 */
@Component
class CalendarStore implements Indexed {

	static final String COLLECTION = "calendars";

	private final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	private final OutboxWrites outbox;

	private final JsonMapper eventMapper = JsonMapper.builder().build();

	CalendarStore(MongoTemplate mongo, @Qualifier("calendarsOutbox") OutboxWrites outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@Override
	public void createIndexes() {
		collection().createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
		collection().createIndex(Indexes.ascending("entity", "planId"));
	}

	Optional<ReportingCalendar> find(String planId, String checkpoint) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", ReportingCalendar.idOf(planId, checkpoint)))
				.first()).map(this::read);
	}

	/** Every calendar (a few per plan): the reminders go through them all. */
	List<ReportingCalendar> all() {
		return collection().find().map(this::read).into(new ArrayList<>());
	}

	/** Writes {@code next} if the stored revision is still {@code next.revision() - 1}; false on a lost race. */
	boolean replace(ReportingCalendar next) {
		CalendarSet set = CalendarSet.of(next);
		OutboxEntry event = new OutboxEntry(set.eventId(), next.planId(), CalendarSet.TYPE,
				eventMapper.writeValueAsString(set), next.updatedAt() == null ? 0 : next.updatedAt().toEpochMilli());
		try (OutboxWrite write = outbox.begin()) {
			Document document = codec.toDocument(next).append("outbox",
					new ArrayList<>(List.of(codec.toDocument(event))));
			write.stampedDocument(document);
			boolean replaced;
			try {
				replaced = write(next, document);
			}
			catch (MongoWriteException e) {
				throw e;
			}
			catch (RuntimeException e) {
				write.uncertain(List.of(next.id()));
				throw e;
			}
			if (replaced) {
				write.written(next.id(), List.of(event));
			}
			return replaced;
		}
	}

	private boolean write(ReportingCalendar next, Document document) {
		if (next.revision() == 1) {
			try {
				collection().insertOne(document);
				return true;
			}
			catch (MongoWriteException e) {
				if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
					return false;
				}
				throw e;
			}
		}
		Document expected = new Document("_id", next.id()).append("revision", next.revision() - 1);
		return collection().replaceOne(expected, document).getModifiedCount() == 1;
	}

	private ReportingCalendar read(Document document) {
		return codec.fromDocument(document, ReportingCalendar.class);
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
