package org.cicloperformance.monitoringservice.evidence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointGate;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.Objective;
import org.cicloperformance.monitoringservice.result.AttachedEvidence;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.result.ResultDocument;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.result.ResultService;
import org.cicloperformance.monitoringservice.refusal.ConcurrentUpdateException;
import org.cicloperformance.monitoringservice.result.ResultStore;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.security.Actor;
import org.cicloperformance.monitoringservice.security.Role;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files attached to results as evidence for the OIV. A file is kept whole in {@code evidence_files}; the result
 * document gets its metadata and the {@code EvidenceAttached} event in one atomic update. Nothing is overwritten:
 * the same bytes sent again to the same result answer the attachment already there, another file is a new one.
 * Checks, in order: the result (404, also for another entity's), the area of an area office (403), a closed
 * checkpoint (409), then the upload itself (422 description, 422 empty, 413 too large, 415 type).
 */
@Service
public class AttachingEvidence {

	private static final int MAX_ATTEMPTS = 20;

	private final ResultStore results;

	private final ResultService resultService;

	private final EvidenceFileStore files;

	private final CheckpointGate checkpoints;

	private final EvidenceSettings settings;

	private final Clock clock;

	private final Counter uploaded;

	private final DistributionSummary uploadedBytes;

	private final JsonMapper eventMapper = JsonMapper.builder().build();

	AttachingEvidence(ResultStore results, ResultService resultService, EvidenceFileStore files,
			CheckpointGate checkpoints, EvidenceSettings settings, Clock clock, MeterRegistry meters) {
		this.results = results;
		this.resultService = resultService;
		this.files = files;
		this.checkpoints = checkpoints;
		this.settings = settings;
		this.clock = clock;
		this.uploaded = Counter.builder("monitoring.evidence.uploaded")
				.description("Files attached to results (the same bytes sent again are not counted)")
				.register(meters);
		this.uploadedBytes = DistributionSummary.builder("monitoring.evidence.bytes")
				.description("Size of the files attached to results")
				.baseUnit("bytes")
				.register(meters);
	}

	/** The result a file is attached to. */
	public record Target(String planId, String objective, String indicator, String checkpoint) {

		String resultId() {
			return ResultDocument.idOf(planId, objective, indicator, checkpoint);
		}
	}

	/** An uploaded file as the client sent it: name and type as declared, the size as received. */
	public record Upload(String originalName, String declaredType, long size, InputStreamSource content,
			String description) {
	}

	/** The attachment, and whether this call created it (false: the same bytes were attached before). */
	public record Attached(AttachedEvidence evidence, boolean created) {
	}

	public Attached attach(Actor actor, Target target, Upload upload) throws IOException {
		ResultDocument result = resultOf(actor, target);
		if (!actor.hasAnyRole(Role.PLANNER)) {
			refuseOutsideAreas(actor, target);
		}
		checkpoints.closed(actor.entity(), target.planId(), target.checkpoint()).ifPresent(v -> {
			throw new RefusedException(v);
		});
		String description = description(upload.description());
		String fileName = FileNames.sanitise(upload.originalName());
		String contentType = checkFile(upload, fileName);
		byte[] bytes = read(upload);
		if (!ContentTypes.contentMatches(contentType, bytes)) {
			throw new RefusedException(Violation.of("/file", "evidence-content-mismatch", contentType));
		}
		return link(actor, result, fileName, contentType, bytes, description);
	}

	/** The files attached to a result of the caller's entity, oldest first. */
	public List<AttachedEvidence> list(Actor actor, Target target) {
		return resultOf(actor, target).evidenceFiles();
	}

	/** One attached file with its bytes. */
	public StoredFile download(Actor actor, Target target, String evidenceId) {
		ResultDocument result = resultOf(actor, target);
		return result.evidenceFiles().stream().filter(e -> e.evidenceId().equals(evidenceId)).findFirst()
				.flatMap(e -> files.find(evidenceId))
				.filter(f -> result.entity().equals(f.entity()))
				.orElseThrow(() -> new RefusedException(Violation.of("", "evidence-unknown", evidenceId)));
	}

	private ResultDocument resultOf(Actor actor, Target target) {
		return results.find(target.resultId())
				.filter(d -> actor.belongsTo(d.entity()))
				.orElseThrow(() -> new RefusedException(Violation.of("", "result-unknown", target.planId(),
						target.objective(), target.indicator(), target.checkpoint())));
	}

	/** The same rule as recording: the objective, in the version in force at the checkpoint, is of the office's areas. */
	private void refuseOutsideAreas(Actor actor, Target target) {
		Optional<Objective> objective = resultService.plansOf(actor.entity())
				.objectiveInForce(target.planId(), target.objective(), target.checkpoint());
		if (objective.map(o -> actor.worksFor(o.organisationalArea())).orElse(false)) {
			return;
		}
		throw new RefusedException(Violation.of("/objective", "area-forbidden", target.objective(),
				objective.map(Objective::organisationalArea).orElse(""), String.join(", ", new TreeSet<>(actor.areas()))));
	}

	private String description(String description) {
		if (description == null || description.isBlank()) {
			return null;
		}
		String text = description.strip();
		if (text.length() > settings.maxDescriptionLength()) {
			throw new RefusedException(Violation.of("/description", "evidence-description-too-long",
					settings.maxDescriptionLength()));
		}
		InputBounds.text("/description", text, Integer.MAX_VALUE).ifPresent(v -> {
			throw new RefusedException(v);
		});
		return text;
	}

	/** The type to store, once the upload is not empty, not too large and of an accepted type. */
	private String checkFile(Upload upload, String fileName) {
		if (upload.size() <= 0) {
			throw new RefusedException(Violation.of("/file", "evidence-empty"));
		}
		if (upload.size() > settings.maxFileSize().toBytes()) {
			throw tooLarge();
		}
		return ContentTypes.accepted(upload.declaredType(), fileName, settings.contentTypes())
				.orElseThrow(() -> new RefusedException(Violation.of("/file", "evidence-type-unsupported",
						upload.declaredType() == null ? "" : upload.declaredType())));
	}

	private byte[] read(Upload upload) throws IOException {
		long max = settings.maxFileSize().toBytes();
		try (InputStream in = upload.content().getInputStream()) {
			byte[] bytes = in.readNBytes((int) max + 1);
			if (bytes.length > max) {
				throw tooLarge();
			}
			if (bytes.length == 0) {
				throw new RefusedException(Violation.of("/file", "evidence-empty"));
			}
			return bytes;
		}
	}

	private RefusedException tooLarge() {
		return new RefusedException(Violation.of("/file", "evidence-too-large", readable(settings.maxFileSize().toBytes())));
	}

	/**
	 * Stores the bytes, then links them to the result if the result is still at the version read and has no file with
	 * the same bytes; on a lost race reads again (a new result version moves the file to it; the same bytes attached
	 * meanwhile are the answer, and this call's copy, never linked, is discarded).
	 */
	private Attached link(Actor actor, ResultDocument result, String fileName, String contentType, byte[] bytes,
			String description) {
		String sha256 = sha256(bytes);
		String evidenceId = UUID.randomUUID().toString();
		Instant uploadedAt = Instant.ofEpochMilli(clock.millis());
		ResultDocument current = result;
		StoredFile stored = null;
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<AttachedEvidence> same = current.evidenceWithHash(sha256);
			if (same.isPresent()) {
				if (stored != null) {
					files.discardUnlinked(evidenceId);
				}
				return new Attached(same.get(), false);
			}
			int version = current.currentVersion();
			if (stored == null) {
				stored = new StoredFile(evidenceId, current.planId(), current.entity(), current.objective(),
						current.indicator(), current.checkpoint(), version, fileName, contentType, bytes.length, sha256,
						actor.username(), uploadedAt, description, bytes);
				files.insert(stored);
			}
			else if (stored.resultVersion() != version) {
				files.moveToVersion(evidenceId, version);
				stored = stored.atVersion(version);
			}
			AttachedEvidence evidence = new AttachedEvidence(evidenceId, version, fileName, contentType, bytes.length,
					sha256, description, actor.username(), uploadedAt);
			if (results.attach(current.id(), version, evidence, outboxEntry(current, evidence))) {
				uploaded.increment();
				uploadedBytes.record(bytes.length);
				return new Attached(evidence, true);
			}
			current = results.find(current.id()).orElseThrow();
		}
		throw new ConcurrentUpdateException(current.id());
	}

	private OutboxEntry outboxEntry(ResultDocument result, AttachedEvidence e) {
		EvidenceAttached event = new EvidenceAttached(EvidenceAttached.TYPE, UUID.randomUUID().toString(),
				result.planId(), result.entity(), result.objective(), result.indicator(), result.checkpoint(),
				e.resultVersion(), e.evidenceId(), e.fileName(), e.contentType(), e.size(), e.sha256(), e.description(),
				e.uploadedBy(), e.uploadedAt());
		return new OutboxEntry(event.eventId(), result.planId(), EvidenceAttached.TYPE,
				eventMapper.writeValueAsString(event), e.uploadedAt().toEpochMilli());
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** 10 MB, 512 KB or 1500 byte, for the refusal's message. */
	static String readable(long bytes) {
		long mb = 1024 * 1024;
		if (bytes % mb == 0) {
			return bytes / mb + " MB";
		}
		return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " byte";
	}
}
