package org.cicloperformance.reportingservice.webhook;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.cicloperformance.reportingservice.webhook.WebhookRefusedException.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The webhooks registered by the planners, collection {@code webhook_subscriptions}. The number of active ones per
 * entity is bounded by a counter document per entity ({@code webhook_quotas}): taking a place is one conditional
 * increment, so two replicas registering at once cannot pass the bound. A deleted subscription is kept, inactive,
 * with its deliveries. The consumers read a copy of the active ones, at most {@code subscriptions-refresh} old.
 */
@Component
public class WebhookSubscriptions {

	static final String COLLECTION = "webhook_subscriptions";

	private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);

	static final String QUOTAS = "webhook_quotas";

	static final int MAX_DESCRIPTION = 500;

	static final int MIN_SECRET = 16;

	static final int MAX_SECRET = 200;

	/** Neither the sealed secret nor a clear one left from before sealing. */
	private static final Document NO_SECRET = new Document(WebhookSecrets.CLEAR_FIELD, 0).append(WebhookSecrets.FIELD, 0);

	private final MongoTemplate mongo;

	private final WebhookSettings settings;

	private final Destinations destinations;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final WebhookSecrets secrets;

	private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.EPOCH);

	private record Snapshot(Map<String, List<Subscription>> byEntity, Instant loadedAt) {
	}

	/** A new subscription with its secret: the only answer that carries it. */
	public record Registered(Subscription subscription, String secret) {
	}

	/** The body of a registration, as the caller sent it. */
	public record Request(String url, List<String> eventTypes, String secret, String description) {
	}

	/** After each reading of the subscriptions: whether any is active, for {@link WebhookBindings}. */
	record Changed(boolean anyActive) {
	}

	WebhookSubscriptions(MongoTemplate mongo, WebhookSettings settings, Clock clock, WebhookSecrets secrets,
			ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.settings = settings;
		this.destinations = new Destinations(settings.allowPrivateAddresses());
		this.clock = clock;
		this.secrets = secrets;
		this.events = events;
	}

	private MongoCollection<Document> subscriptions() {
		return mongo.getCollection(COLLECTION);
	}

	public Registered register(String entity, String user, Request request) {
		List<Refusal> refusals = new ArrayList<>(destinations.check(request.url()));
		refusals.addAll(checkTypes(request.eventTypes()));
		String secret = request.secret();
		if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET
				|| !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
			refusals.add(Refusal.of("/secret", "secret-format", MIN_SECRET, MAX_SECRET));
		}
		String description = request.description();
		if (description != null && description.length() > MAX_DESCRIPTION) {
			refusals.add(Refusal.of("/description", "text-too-long", MAX_DESCRIPTION));
		}
		else if (description != null && description.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
			refusals.add(Refusal.of("/description", "control-character"));
		}
		if (!refusals.isEmpty()) {
			throw new WebhookRefusedException(422, refusals);
		}
		reservePlace(entity);
		String id = "wh_" + UUID.randomUUID();
		String effectiveSecret = secret == null ? Signatures.newSecret() : secret;
		Instant now = clock.instant();
		List<String> types = WebhookEvents.TYPES.stream().filter(request.eventTypes()::contains).toList();
		Document document = new Document("_id", id).append("entity", entity).append("url", request.url())
				.append("eventTypes", types).append(WebhookSecrets.FIELD, secrets.seal(id, effectiveSecret))
				.append("description", description)
				.append("createdAt", Date.from(now)).append("createdBy", user).append("active", true);
		try {
			subscriptions().insertOne(document);
		}
		catch (RuntimeException e) {
			releasePlace(entity);
			throw e;
		}
		refresh();
		return new Registered(Subscription.of(document), effectiveSecret);
	}

	private static List<Refusal> checkTypes(List<String> types) {
		List<Refusal> refusals = new ArrayList<>();
		if (types == null || types.isEmpty()) {
			refusals.add(Refusal.of("/eventTypes", "required"));
			return refusals;
		}
		if (types.size() > WebhookEvents.TYPES.size()) {
			refusals.add(Refusal.of("/eventTypes", "too-many-items", WebhookEvents.TYPES.size()));
			return refusals;
		}
		var seen = new LinkedHashSet<String>();
		for (int i = 0; i < types.size(); i++) {
			String type = types.get(i);
			if (type == null || !WebhookEvents.KNOWN.contains(type)) {
				refusals.add(Refusal.of("/eventTypes/" + i, "event-type-unknown", String.join(", ", WebhookEvents.TYPES)));
			}
			else if (!seen.add(type)) {
				refusals.add(Refusal.of("/eventTypes/" + i, "event-type-duplicate"));
			}
		}
		return refusals;
	}

	/**
	 * One place more for the entity, if the bound allows: an increment guarded by {@code count < max}; with the
	 * counter at the bound the filter matches nothing and the upsert's insert meets the existing {@code _id}.
	 */
	private void reservePlace(String entity) {
		try {
			mongo.getCollection(QUOTAS).findOneAndUpdate(
					Filters.and(Filters.eq("_id", entity), Filters.lt("count", settings.maxSubscriptions())),
					Updates.inc("count", 1), new FindOneAndUpdateOptions().upsert(true));
		}
		catch (MongoException e) {
			if (e.getCode() == 11000) {
				throw new WebhookRefusedException(422,
						List.of(Refusal.of("", "too-many-subscriptions", settings.maxSubscriptions())));
			}
			throw e;
		}
	}

	private void releasePlace(String entity) {
		mongo.getCollection(QUOTAS).updateOne(Filters.and(Filters.eq("_id", entity), Filters.gt("count", 0)),
				Updates.inc("count", -1));
	}

	/** The entity's subscriptions, active first, newest first; the secrets (sealed or not) are never read. */
	public List<Subscription> list(String entity) {
		List<Subscription> all = new ArrayList<>();
		subscriptions().find(Filters.eq("entity", entity)).projection(NO_SECRET)
				.sort(Sorts.descending("createdAt")).limit(1000).map(Subscription::of).into(all);
		all.sort((a, b) -> Boolean.compare(b.active(), a.active()));
		return all;
	}

	public Optional<Subscription> find(String entity, String id) {
		return Optional.ofNullable(subscriptions().find(Filters.and(Filters.eq("_id", id), Filters.eq("entity", entity)))
				.projection(NO_SECRET).first()).map(Subscription::of);
	}

	/** Deactivates the subscription (its pending deliveries are cancelled when their turn comes). */
	public boolean delete(String entity, String id, String user) {
		var result = subscriptions().updateOne(
				Filters.and(Filters.eq("_id", id), Filters.eq("entity", entity), Filters.eq("active", true)),
				Updates.combine(Updates.set("active", false), Updates.set("deletedAt", Date.from(clock.instant())),
						Updates.set("deletedBy", user)));
		if (result.getModifiedCount() == 1) {
			releasePlace(entity);
			refresh();
			return true;
		}
		return find(entity, id).isPresent();
	}

	/**
	 * The active subscription and its secret, for a delivery; empty once it has been deleted. A secret still in
	 * clear, or sealed with an earlier key, is sealed with the current key now. Throws
	 * {@link WebhookSecrets.Unreadable} when the secret does not open.
	 */
	Optional<Active> active(String id) {
		Document d = subscriptions().find(Filters.and(Filters.eq("_id", id), Filters.eq("active", true))).first();
		if (d == null) {
			return Optional.empty();
		}
		String secret = secrets.open(d);
		if (secrets.needsSealing(d)) {
			sealAgain(d, secret);
		}
		return Optional.of(new Active(Subscription.of(d), secret));
	}

	/**
	 * The stored secret sealed with the current key, in one update guarded by what was read (a concurrent
	 * re-sealing by another replica makes this one match nothing; the clear field is removed in the same update).
	 */
	private void sealAgain(Document d, String secret) {
		Document before = d.get(WebhookSecrets.FIELD, Document.class);
		var guard = before == null ? Filters.eq(WebhookSecrets.CLEAR_FIELD, d.getString(WebhookSecrets.CLEAR_FIELD))
				: Filters.eq(WebhookSecrets.FIELD + ".nonce", before.getString("nonce"));
		subscriptions().updateOne(Filters.and(Filters.eq("_id", d.getString("_id")), guard),
				Updates.combine(Updates.set(WebhookSecrets.FIELD, secrets.seal(d.getString("_id"), secret)),
						Updates.unset(WebhookSecrets.CLEAR_FIELD)));
	}

	/**
	 * At start-up: every secret still in clear (stored before sealing existed) or sealed with an earlier key is
	 * sealed with the current key. One guarded update per subscription, so replicas starting together agree; a
	 * secret that does not open is left as it is (its deliveries fail with the reason).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void sealStoredSecrets() {
		try {
			int sealed = 0;
			for (Document d : subscriptions().find(Filters.or(Filters.exists(WebhookSecrets.CLEAR_FIELD),
					Filters.ne(WebhookSecrets.FIELD + ".key", secrets.currentKeyId()))).limit(100_000)) {
				try {
					if (secrets.needsSealing(d)) {
						sealAgain(d, secrets.open(d));
						sealed++;
					}
				}
				catch (WebhookSecrets.Unreadable e) {
					log.warn("{}", e.getMessage());
				}
			}
			if (sealed > 0) {
				log.info("{} webhook secrets sealed with key '{}'", sealed, secrets.currentKeyId());
			}
		}
		catch (MongoException e) {
			log.warn("webhook secrets not sealed at start-up (they are when next read): {}", e.getMessage());
		}
	}

	record Active(Subscription subscription, String secret) {
	}

	/** Whether any entity has a subscription to the type: the consumers skip the others without reading them. */
	boolean anyFor(String eventType) {
		return current().values().stream().flatMap(List::stream).anyMatch(s -> s.eventTypes().contains(eventType));
	}

	List<Subscription> matching(String entity, String eventType, Instant eventTime) {
		return current().getOrDefault(entity, List.of()).stream().filter(s -> s.wants(eventType, eventTime)).toList();
	}

	private Map<String, List<Subscription>> current() {
		Snapshot now = snapshot;
		if (now.loadedAt().plus(settings.subscriptionsRefresh()).isBefore(clock.instant())) {
			return refresh();
		}
		return now.byEntity();
	}

	synchronized Map<String, List<Subscription>> refresh() {
		List<Subscription> active = new ArrayList<>();
		subscriptions().find(Filters.eq("active", true)).projection(NO_SECRET)
				.map(Subscription::of).into(active);
		Map<String, List<Subscription>> byEntity = active.stream()
				.collect(Collectors.groupingBy(Subscription::entity));
		snapshot = new Snapshot(byEntity, clock.instant());
		events.publishEvent(new Changed(!byEntity.isEmpty()));
		return byEntity;
	}
}
