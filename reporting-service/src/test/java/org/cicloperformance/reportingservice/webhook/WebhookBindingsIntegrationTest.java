package org.cicloperformance.reportingservice.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

/**
 * The webhooks' consumer group runs only while a webhook is registered: a body without webhooks does not read
 * every result event twice.
 */
class WebhookBindingsIntegrationTest extends IntegrationTest {

	@Autowired
	private WebhookBindings bindings;

	@Autowired
	private WebhookSubscriptions subscriptions;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void theWebhookConsumersRunOnlyWhileAWebhookIsRegistered() throws Exception {
		// whatever other tests left: no active webhook, no place taken
		mongo.getCollection(WebhookSubscriptions.COLLECTION).updateMany(Filters.eq("active", true),
				Updates.set("active", false));
		mongo.getCollection(WebhookSubscriptions.QUOTAS).deleteMany(new Document());
		subscriptions.refresh();
		await().atMost(PATIENCE).until(bindings::stopped);

		String body = Seed.JSON.writeValueAsString(Map.of("url", "http://127.0.0.1:9/ricevente",
				"eventTypes", List.of("CheckpointClosed"), "description", "ricevente di prova"));
		String created = mvc.perform(post("/api/webhooks").contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String id = Seed.JSON.readTree(created).path("webhook").path("id").asString();
		assertThat(id).as(created).startsWith("wh_");
		await().atMost(PATIENCE).until(bindings::running);

		mvc.perform(delete("/api/webhooks/" + id));
		await().atMost(PATIENCE).until(bindings::stopped);
	}
}
