package org.cicloperformance.monitoringservice.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.cicloperformance.monitoringservice.evidence.AttachingEvidence.Attached;
import org.cicloperformance.monitoringservice.evidence.AttachingEvidence.Target;
import org.cicloperformance.monitoringservice.evidence.AttachingEvidence.Upload;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.result.AttachedEvidence;
import org.cicloperformance.monitoringservice.result.ResultDocument;
import org.cicloperformance.monitoringservice.result.ResultStore;
import org.cicloperformance.monitoringservice.security.Actor;
import org.cicloperformance.monitoringservice.security.Role;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Uploads racing for the same result on mongo-java-server: none is lost, none is doubled. */
class ConcurrentUploadsTest extends IntegrationTestBase {

	static final int THREADS = 8;

	static final Actor OFFICE = new Actor("ufficio-anagrafe", "cciaa-esempio", Set.of(Role.AREA_OFFICE), Set.of("ANA"),
			null);

	@Autowired
	AttachingEvidence service;

	@Autowired
	ResultStore results;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlanVersionStore plans;

	ExecutorService pool = Executors.newFixedThreadPool(THREADS);

	Target target;

	@BeforeEach
	void aResult() {
		String planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		assertThat(mvc.post().uri("/api/results").contentType(MediaType.APPLICATION_JSON).content("""
				{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"2018-06-30","value":{"number":500}}"""
			.formatted(planId))).hasStatus(201);
		target = new Target(planId, "1.1.1", "1", "2018-06-30");
	}

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	static Upload text(String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		return new Upload("nota.txt", "text/plain", bytes.length, new ByteArrayResource(bytes), null);
	}

	List<Attached> race(List<Upload> uploads) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Attached>> futures = new ArrayList<>();
		for (Upload upload : uploads) {
			Callable<Attached> call = () -> {
				start.await();
				return service.attach(OFFICE, target, upload);
			};
			futures.add(pool.submit(call));
		}
		start.countDown();
		List<Attached> attached = new ArrayList<>();
		for (Future<Attached> future : futures) {
			attached.add(future.get());
		}
		return attached;
	}

	ResultDocument stored() {
		return results.find(ResultDocument.idOf(target.planId(), target.objective(), target.indicator(),
				target.checkpoint())).orElseThrow();
	}

	List<Document> files() {
		return mongo.find(query(where("planId").is(target.planId())), Document.class, EvidenceFileStore.COLLECTION);
	}

	@Test
	void eightDifferentFilesAtOnceAreEightAttachments() throws Exception {
		List<Upload> uploads = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			uploads.add(text("nota numero " + i));
		}

		List<Attached> attached = race(uploads);

		assertThat(attached).allMatch(Attached::created);
		assertThat(stored().evidenceFiles()).hasSize(THREADS)
			.extracting(AttachedEvidence::evidenceId)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(attached.stream().map(a -> a.evidence().evidenceId()).toList());
		assertThat(files()).extracting(d -> d.getString("_id"))
			.containsExactlyInAnyOrderElementsOf(attached.stream().map(a -> a.evidence().evidenceId()).toList());
	}

	@Test
	void eightCopiesOfTheSameFileAtOnceAreOneAttachment() throws Exception {
		List<Upload> uploads = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			uploads.add(text("la stessa nota"));
		}

		List<Attached> attached = race(uploads);

		assertThat(attached).filteredOn(Attached::created).hasSize(1);
		assertThat(attached).extracting(a -> a.evidence().evidenceId()).containsOnly(
				stored().evidenceFiles().get(0).evidenceId());
		assertThat(stored().evidenceFiles()).hasSize(1);
		// the copies that lost the race were never linked and are not kept
		assertThat(files()).hasSize(1);
	}
}
