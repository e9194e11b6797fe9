package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.outbox.Outboxes;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Linking a file to a result on mongo-java-server, in a database of its own (no relay here): the
 * metadata and the event are written by the same single-document update, or not at all.
 */
class EvidenceLinkTest {

	static final String ID = ResultDocument.idOf("piano", "1.1.1", "1", "2018-06-30");

	MongoClient client;

	MongoTemplate mongo;

	ResultStore store;

	@BeforeEach
	void aResultAtVersion2() {
		client = MongoClients.create(TestInfrastructure.mongoUri());
		mongo = new MongoTemplate(client, "evidence-link-" + UUID.randomUUID());
		store = new ResultStore(mongo, Outboxes.unrelayed(mongo, ResultStore.COLLECTION));
		ResultVersion v1 = version(1);
		assertThat(store.insertFirst(new ResultDocument(ID, "piano", "ente", "1.1.1", "1", "2018-06-30", 1,
				List.of(v1), List.of(), null))).isTrue();
		assertThat(store.append(ID, 1, version(2), event("risultato-2", "ResultRecorded"))).isTrue();
	}

	@AfterEach
	void close() {
		client.close();
	}

	static ResultVersion version(int n) {
		return new ResultVersion(n, 1, new ResultValue(BigDecimal.TEN, null, null, null, null, null, "10"),
				null, null, List.of("verbali"), "ufficio", null, Instant.parse("2018-07-10T08:00:00Z"), "risultato-" + n,
				null);
	}

	static AttachedEvidence evidence(String id, String sha256) {
		return new AttachedEvidence(id, 2, "verbali.pdf", "application/pdf", 42, sha256, null, "ufficio",
				Instant.parse("2018-07-10T08:05:00Z"));
	}

	static OutboxEntry event(String eventId, String type) {
		return new OutboxEntry(eventId, "piano", type, "{\"type\":\"" + type + "\"}", 1L);
	}

	@Test
	void appendsTheMetadataAndItsEventTogether() {
		assertThat(store.attach(ID, 2, evidence("e1", "a".repeat(64)), event("evento-e1", "EvidenceAttached"))).isTrue();

		ResultDocument stored = store.find(ID).orElseThrow();
		assertThat(stored.evidenceFiles()).extracting(AttachedEvidence::evidenceId).containsExactly("e1");
		assertThat(stored.outbox()).extracting(OutboxEntry::eventId).containsExactly("risultato-2", "evento-e1");
		assertThat(stored.outbox().get(1).eventType()).isEqualTo("EvidenceAttached");
		assertThat(stored.versions()).hasSize(2);
		assertThat(stored.currentVersion()).isEqualTo(2);
	}

	@Test
	void theSameBytesAreNotLinkedTwiceNorAnnouncedTwice() {
		String sha = "b".repeat(64);
		assertThat(store.attach(ID, 2, evidence("e1", sha), event("evento-e1", "EvidenceAttached"))).isTrue();

		assertThat(store.attach(ID, 2, evidence("e2", sha), event("evento-e2", "EvidenceAttached"))).isFalse();

		ResultDocument stored = store.find(ID).orElseThrow();
		assertThat(stored.evidenceFiles()).extracting(AttachedEvidence::evidenceId).containsExactly("e1");
		assertThat(stored.outbox()).extracting(OutboxEntry::eventId).doesNotContain("evento-e2");
	}

	@Test
	void aStaleResultVersionLinksNothing() {
		assertThat(store.attach(ID, 1, evidence("e1", "c".repeat(64)), event("evento-e1", "EvidenceAttached")))
				.isFalse();

		ResultDocument stored = store.find(ID).orElseThrow();
		assertThat(stored.evidenceFiles()).isEmpty();
		assertThat(stored.outbox()).extracting(OutboxEntry::eventId).containsExactly("risultato-2");
	}

	@Test
	void aNewResultVersionKeepsTheFilesAlreadyLinked() {
		assertThat(store.attach(ID, 2, evidence("e1", "d".repeat(64)), event("evento-e1", "EvidenceAttached"))).isTrue();

		assertThat(store.append(ID, 2, version(3), event("risultato-3", "ResultRecorded"))).isTrue();

		ResultDocument stored = store.find(ID).orElseThrow();
		assertThat(stored.evidenceFiles()).extracting(AttachedEvidence::evidenceId).containsExactly("e1");
		assertThat(stored.currentVersion()).isEqualTo(3);
	}

	@Test
	void theResultDocumentHoldsNoBytes() {
		assertThat(store.attach(ID, 2, evidence("e1", "e".repeat(64)), event("evento-e1", "EvidenceAttached"))).isTrue();

		Document raw = mongo.getCollection(ResultStore.COLLECTION).find(new Document("_id", ID)).first();
		assertThat(raw.getList("evidenceFiles", Document.class).get(0).keySet())
				.containsExactlyInAnyOrder("evidenceId", "resultVersion", "fileName", "contentType", "size", "sha256",
						"uploadedBy", "uploadedAt");
	}
}
