package org.cicloperformance.planservice.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The plan aggregate as stored: the draft while it is edited, then every approved version, and the events still
 * to publish. {@code revision} increases with every write and guards each one (optimistic concurrency, ETag).
 */
@Document("plans")
public record Plan(
		@Id String id,
		String entity,
		int year,
		PlanStatus status,
		long revision,
		PlanContent draft,
		List<PlanVersion> versions,
		List<OutboxEntry> outbox,
		Instant createdAt,
		String createdBy,
		Instant updatedAt,
		String updatedBy) {

	public Plan {
		versions = Lists.copy(versions);
		outbox = Lists.copy(outbox);
	}

	public static String idOf(String entity, int year) {
		return entity + "-" + year;
	}

	public int currentVersionNumber() {
		return versions.size();
	}

	public Optional<PlanVersion> currentVersion() {
		return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
	}

	public Optional<PlanVersion> version(int number) {
		return number < 1 || number > versions.size() ? Optional.empty() : Optional.of(versions.get(number - 1));
	}

	/** What a reader sees as "the plan": the draft while editing, otherwise the latest approved version. */
	public PlanContent content() {
		return status == PlanStatus.DRAFT ? draft : currentVersion().map(PlanVersion::content).orElse(draft);
	}
}
