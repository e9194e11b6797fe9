package org.cicloperformance.reportingservice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The secrets as MongoDB holds them: sealed when registered, a clear one from before sealing still used and sealed
 * on its next use, and a service started with another key refusing to sign rather than signing wrongly.
 */
class WebhookSecretsAtRestTest extends IntegrationTest {

	private static final String SECRET = "segreto-che-non-deve-comparire";

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private WebhookSubscriptions subscriptions;

	@Autowired
	private WebhookSettings settings;

	private Document stored(String id) {
		return mongo.getCollection(WebhookSubscriptions.COLLECTION).find(new Document("_id", id)).first();
	}

	@Test
	void theStoredDocumentNeverContainsTheSecretYetDeliveriesSignWithIt() throws Exception {
		String body = Seed.JSON.writeValueAsString(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes",
				List.of("ResultRecorded"), "secret", SECRET));
		JsonNode created = Seed.JSON.readTree(mvc.perform(post("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
				.content(body)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		String id = created.path("webhook").path("id").asString();
		try {
			assertThat(created.path("secret").asString()).as("answered once, at registration").isEqualTo(SECRET);
			Document document = stored(id);
			assertThat(document.toJson()).doesNotContain(SECRET)
					.doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
			assertThat(document.containsKey("secret")).isFalse();
			assertThat(document.get("sealedSecret", Document.class).getString("alg")).isEqualTo("A256GCM");

			WebhookSubscriptions.Active active = subscriptions.active(id).orElseThrow();
			assertThat(active.secret()).isEqualTo(SECRET);
			String signature = Signatures.sign(active.secret(), 1_700_000_000L, "{\"a\":1}");
			assertThat(Signatures.verify(SECRET, 1_700_000_000L, "{\"a\":1}", signature)).isTrue();
		}
		finally {
			mvc.perform(delete("/api/webhooks/" + id));
		}
	}

	@Test
	void aSecretStoredInClearBeforeSealingStillSignsAndIsSealedOnItsNextUse() {
		String id = "wh_" + UUID.randomUUID();
		mongo.getCollection(WebhookSubscriptions.COLLECTION).insertOne(new Document("_id", id)
				.append("entity", "ente-di-prova-" + id).append("url", "http://127.0.0.1:9/hook")
				.append("eventTypes", List.of("ResultRecorded")).append("secret", SECRET)
				.append("createdAt", new Date()).append("active", true));

		assertThat(subscriptions.active(id).orElseThrow().secret()).isEqualTo(SECRET);

		Document after = stored(id);
		assertThat(after.toJson()).doesNotContain(SECRET);
		assertThat(after.containsKey("secret")).isFalse();
		assertThat(subscriptions.active(id).orElseThrow().secret()).isEqualTo(SECRET);
	}

	@Test
	void aServiceStartedWithAnotherKeyFailsClearlyInsteadOfSigning() {
		String id = "wh_" + UUID.randomUUID();
		WebhookSecrets key = new WebhookSecrets(new WebhookKeySettings(
				Base64.getEncoder().encodeToString(new byte[32]), "k9", Map.of()), false);
		mongo.getCollection(WebhookSubscriptions.COLLECTION).insertOne(new Document("_id", id)
				.append("entity", "ente-di-prova-" + id).append("url", "http://127.0.0.1:9/hook")
				.append("eventTypes", List.of("ResultRecorded")).append("sealedSecret", key.seal(id, SECRET))
				.append("createdAt", new Date()).append("active", true));
		byte[] other = new byte[32];
		other[0] = 1;
		WebhookSubscriptions otherKey = new WebhookSubscriptions(mongo, settings, Clock.systemUTC(),
				new WebhookSecrets(new WebhookKeySettings(Base64.getEncoder().encodeToString(other), "k9", Map.of()),
						false), event -> { });

		assertThatThrownBy(() -> otherKey.active(id)).isInstanceOf(WebhookSecrets.Unreadable.class)
				.hasMessageContaining("does not open with key 'k9'");
		assertThat(new WebhookSubscriptions(mongo, settings, Clock.systemUTC(), key, event -> { }).active(id)
				.orElseThrow()
				.secret()).isEqualTo(SECRET);
	}
}
