package org.cicloperformance.reportingservice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.checkpoint.HrFeedOutbox;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.hr.messaging.HrFeedContractTest;
import org.cicloperformance.reportingservice.report.YearEndExample;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scheda made FINAL announces itself on {@code hr-feed} ({@code EvaluationFinalised}, read back by a plain Kafka
 * consumer and checked against the contract), once per scheda version; and the "same closing" rule on the real
 * flow: after the OIV reopens 31/12 and closes it again, a scheda not yet FINAL takes the new closing's parts at its
 * next write, a FINAL one stays as it was (left out of the FINAL feed) until its correction, made on the new closing.
 */
class SchedaToHrFeedIntegrationTest extends IntegrationTest {

	static final String DECEMBER = YearEndClosing.DECEMBER;

	static final String TYPE = "EvaluationFinalised";

	@Autowired
	CurrentScores current;

	@Autowired
	HrFeedOutbox outbox;

	@Test
	void aSchedaMadeFinalIsPublishedOnceOnHrFeedAndItsCorrectionAsTheNextVersion() throws Exception {
		String plan = "hrfeed-scheda-" + UUID.randomUUID();
		YearEndClosing.results(plan, scores);
		YearEndClosing.close(plan, current);
		create(plan, "dazzeo");
		rate(plan, "dazzeo", List.of(4, 4, 3, 4));
		JsonNode fin = finalise(plan, "dazzeo", "dirigente");

		List<JsonNode> events = awaitEvaluations(plan, 1);
		JsonNode event = events.get(0);
		assertThat(event.path("eventId").asString()).isEqualTo(eventId(plan, "dazzeo", 1));
		assertThat(event.path("schemaVersion").asInt()).isEqualTo(1);
		assertThat(event.path("closing").asInt()).isEqualTo(1);
		assertThat(event.path("version").asInt()).isEqualTo(1);
		assertThat(event.has("supersedesVersion")).isFalse();
		assertThat(event.path("finalisedBy").asString()).isEqualTo("segretario");
		assertThat(event.path("policy").asString()).isNotBlank();
		JsonNode evaluation = event.path("evaluation");
		assertThat(evaluation.path("state").asString()).isEqualTo("FINAL");
		assertThat(evaluation.path("total").decimalValue())
			.isEqualByComparingTo(fin.path("computed").path("total").decimalValue());
		assertThat(evaluation.path("ownObjectives").decimalValue())
			.isEqualByComparingTo(fin.path("ownObjectives").decimalValue());
		assertThat(evaluation.path("arithmetic").asString()).isEqualTo(fin.path("computed").path("arithmetic")
			.asString());
		assertThat(event.path("notYetFinal")).extracting(n -> n.asString()).contains("vairano", "ziletti")
			.doesNotContain("dazzeo");
		JsonNode incentive = fund(event.path("payTable"), "Fondo Dirigenti — obiettivo 2.2.1");
		assertThat(incentive.path("fundAmount").decimalValue()).isEqualByComparingTo("15205");
		assertThat(sum(incentive.path("lines"))).isEqualByComparingTo(incentive.path("paid").decimalValue());
		assertThat(event.path("resultPay")).extracting(s -> s.path("fund").asString())
			.contains(incentive.path("fund").asString());
		assertThat(Api.call(mvc, HttpMethod.GET, "/api/plans/" + plan + "/pay", "personale", null).json()
			.path("evaluated")).extracting(n -> n.asString()).containsExactly("dazzeo");
		await().atMost(PATIENCE).until(() -> outbox.pending().stream()
			.noneMatch(p -> p.event().eventId().equals(eventId(plan, "dazzeo", 1))));

		Api enteredFund = Api.call(mvc, HttpMethod.POST, "/api/plans/" + plan + "/funds", "personale", """
				{"code": "risultato-dirigenti", "name": "Retribuzione di risultato dei dirigenti",
				 "recipients": "MANAGERS", "amount": 45000, "act": "Determinazione n. 12 (esempio)",
				 "actDate": "2019-02-10", "replaces": 0}""");
		assertThat(enteredFund.status()).as(enteredFund.text()).isEqualTo(201);
		assertThat(enteredFund.json().has("outbox")).as("the queued event is not shown").isFalse();
		JsonNode revised = awaitEvents(plan, "ResultPayRevised", 1).get(0);
		assertThat(revised.path("eventId").asString()).isEqualTo(UUID.nameUUIDFromBytes(("ResultPayRevised#" + plan
				+ "#risultato-dirigenti#1").getBytes(StandardCharsets.UTF_8)).toString());
		assertThat(revised.path("enteredBy").asString()).isEqualTo("personale");
		JsonNode entered = fund(revised.path("payTable"), "Retribuzione di risultato dei dirigenti");
		assertThat(entered.path("fundAmount").decimalValue()).isEqualByComparingTo("45000");
		assertThat(entered.path("lines")).extracting(l -> l.path("managerId").asString()).containsExactly("dazzeo");
		assertThat(sum(entered.path("lines"))).isEqualByComparingTo(entered.path("paid").decimalValue());

		Api corrected = move(plan, "dazzeo", "segretario", "CORRECT", fin.path("revision").asLong(),
				"Errore materiale nel comportamento COLL");
		assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
		assertThat(corrected.json().path("scheda").path("state").asString()).isEqualTo("DRAFT");
		rate(plan, "dazzeo", List.of(4, 4, 3, 5));
		finalise(plan, "dazzeo", "dirigente");

		List<JsonNode> both = awaitEvaluations(plan, 2);
		assertThat(both).extracting(e -> e.path("version").asInt()).containsExactly(1, 2);
		JsonNode correction = both.get(1);
		assertThat(correction.path("eventId").asString()).isEqualTo(eventId(plan, "dazzeo", 2));
		assertThat(correction.path("supersedesVersion").asInt()).isEqualTo(1);
		assertThat(correction.path("correctionReason").asString()).contains("COLL");
		assertThat(correction.path("evaluation").path("total").decimalValue())
			.isGreaterThan(event.path("evaluation").path("total").decimalValue());
		assertThat(correction.path("payTable")).extracting(t -> t.path("fund").asString())
			.as("the fund HR entered is in the table").contains("risultato-dirigenti");
		assertThat(correction.path("resultPay")).extracting(t -> t.path("fund").asString())
			.contains("risultato-dirigenti", incentive.path("fund").asString());
	}

	@Test
	void afterAReopeningAndANewClosingAnOpenSchedaFollowsTheNewClosingAndAFinalOneOnlyThroughItsCorrection()
			throws Exception {
		String plan = "hrfeed-closing-" + UUID.randomUUID();
		YearEndClosing.results(plan, scores);
		YearEndClosing.close(plan, current);
		Scorecard first = current.resolve(plan, DECEMBER).orElseThrow().document().scorecard();
		create(plan, "dazzeo");
		rate(plan, "dazzeo", List.of(4, 4, 3, 4));
		JsonNode finalOnFirst = finalise(plan, "dazzeo", "dirigente");
		create(plan, "ziletti");
		long draftRevision = rate(plan, "ziletti", List.of(3, 3, 3, 3)).path("revision").asLong();
		create(plan, "vairano");
		rate(plan, "vairano", List.of(5, 5, 5, 5));
		Api proposed = move(plan, "vairano", "segretario", "PROPOSE", 1, null);
		assertThat(proposed.status()).as(proposed.text()).isEqualTo(200);

		Events.publish("checkpoint-events", plan, reopened(plan));
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
			.until(() -> current.resolve(plan, DECEMBER).filter(c -> c.closing() == null).isPresent());
		Api whileReopened = move(plan, "ziletti", "segretario", "PROPOSE", draftRevision, null);
		assertThat(whileReopened.status()).isEqualTo(409);
		assertThat(whileReopened.refusal()).isEqualTo("/planId scores-not-final");
		assertThat(move(plan, "dazzeo", "segretario", "CORRECT", finalOnFirst.path("revision").asLong(),
				"Nuova chiusura").refusal()).as("a correction needs the final scores it is made on")
			.isEqualTo("/planId scores-not-final");

		Events.publish("checkpoint-events", plan, closedAgain(plan));
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> current.resolve(plan, DECEMBER)
			.filter(c -> c.closing() != null && c.closing() == 2).isPresent());
		Scorecard second = current.resolve(plan, DECEMBER).orElseThrow().document().scorecard();
		assertThat(second.entity().score()).as("closing 2 changed the figures").isNotEqualByComparingTo(
				first.entity().score());

		JsonNode draft = rate(plan, "ziletti", List.of(3, 3, 3, 4));
		assertThat(draft.path("closing").asInt()).as("a DRAFT takes the new closing's parts").isEqualTo(2);
		assertThat(draft.path("entityPerformance").decimalValue()).isEqualByComparingTo(second.entity().score());
		assertThat(draft.path("ownObjectives").decimalValue())
			.isEqualByComparingTo(second.manager("ziletti").orElseThrow().score());
		assertThat(draft.path("ownObjectivesArithmetic").asString())
			.isEqualTo(second.manager("ziletti").orElseThrow().arithmetic());

		JsonNode vairano = Api.call(mvc, HttpMethod.GET, "/api/plans/" + plan + "/schede/vairano", "pianificatore",
				null).json().path("scheda");
		assertThat(vairano.path("closing").asInt()).as("not written since: still the former closing").isEqualTo(1);
		JsonNode vairanoFinal = reviewAndFinalise(plan, "vairano", "dirigente-vairano", vairano.path("revision")
			.asLong());
		assertThat(vairanoFinal.path("closing").asInt()).as("a PROPOSED one at its next write").isEqualTo(2);
		assertThat(vairanoFinal.path("entityPerformance").decimalValue()).isEqualByComparingTo(second.entity()
			.score());
		assertThat(vairanoFinal.path("computed").path("arithmetic").asString())
			.contains(Formats.italian().percent(second.entity().score()) + " (performance dell'ente)");

		JsonNode dazzeoVersions = Api.call(mvc, HttpMethod.GET, "/api/plans/" + plan + "/schede/dazzeo/versions",
				"pianificatore", null).json();
		assertThat(dazzeoVersions).hasSize(1);
		assertThat(dazzeoVersions.path(0).path("state").asString()).isEqualTo("FINAL");
		assertThat(dazzeoVersions.path(0).path("closing").asInt()).as("a FINAL scheda never changes").isEqualTo(1);
		assertThat(dazzeoVersions.path(0).path("revision").asLong()).isEqualTo(finalOnFirst.path("revision")
			.asLong());
		JsonNode feed = hrFeed(plan);
		assertThat(feed.path("closing").asInt()).isEqualTo(2);
		assertThat(row(feed, "dazzeo").has("evaluation")).as("made on the former closing: left out").isFalse();
		assertThat(row(feed, "vairano").path("evaluation").path("closing").asInt()).isEqualTo(2);

		Api correction = move(plan, "dazzeo", "segretario", "CORRECT", finalOnFirst.path("revision").asLong(),
				"Parti organizzative della chiusura 2");
		JsonNode v2 = correction.json().path("scheda");
		assertThat(v2.path("version").asInt()).isEqualTo(2);
		assertThat(v2.path("closing").asInt()).as("the correction is made on the latest closing").isEqualTo(2);
		assertThat(v2.path("ownObjectives").decimalValue())
			.isEqualByComparingTo(second.manager("dazzeo").orElseThrow().score());
		assertThat(v2.path("computed").path("total").decimalValue()).as("recomputed from the same ratings")
			.isNotEqualByComparingTo(finalOnFirst.path("computed").path("total").decimalValue());
		reviewAndFinalise(plan, "dazzeo", "dirigente", propose(plan, "dazzeo", v2.path("revision").asLong()));
		JsonNode after = hrFeed(plan);
		assertThat(row(after, "dazzeo").path("evaluation").path("version").asInt()).isEqualTo(2);
		assertThat(row(after, "dazzeo").path("evaluation").path("closing").asInt()).isEqualTo(2);

		List<JsonNode> events = awaitEvaluations(plan, 3);
		assertThat(events).extracting(e -> e.path("managerId").asString() + ":" + e.path("version").asInt() + ":"
				+ e.path("closing").asInt()).containsExactly("dazzeo:1:1", "vairano:1:2", "dazzeo:2:2");
	}

	private List<JsonNode> awaitEvaluations(String plan, int expected) {
		return awaitEvents(plan, TYPE, expected);
	}

	/** The plan's events of {@code type} once {@code expected} arrived, with no second copy; each per contract. */
	private List<JsonNode> awaitEvents(String plan, String type, int expected) {
		await().atMost(PATIENCE).until(() -> events(plan, type, Duration.ofMillis(500)).size() >= expected);
		List<ConsumerRecord<String, String>> records = Events.readAll("hr-feed", Duration.ofSeconds(2)).stream()
			.filter(r -> plan.equals(r.key())).toList();
		records.stream().filter(r -> type.equals(header(r))).forEach(r -> assertThat(r.headers())
			.extracting(Header::key).containsExactly("eventType"));
		List<JsonNode> events = records.stream().map(ConsumerRecord::value).map(Seed.JSON::readTree)
			.filter(e -> type.equals(e.path("type").asString())).toList();
		events.forEach(e -> assertThat(HrFeedContractTest.validate(Seed.JSON.writeValueAsString(e))).isEmpty());
		assertThat(events).hasSize(expected);
		return events;
	}

	private static List<JsonNode> events(String plan, String type, Duration wait) {
		return Events.readAll("hr-feed", wait).stream().filter(r -> plan.equals(r.key()))
			.map(ConsumerRecord::value).map(Seed.JSON::readTree)
			.filter(e -> type.equals(e.path("type").asString())).toList();
	}

	private static String header(ConsumerRecord<String, String> record) {
		Header header = record.headers().lastHeader("eventType");
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** The name-based id the contract states: type, plan, manager and scheda version. */
	static String eventId(String plan, String manager, int version) {
		return UUID.nameUUIDFromBytes((TYPE + "#" + plan + "#" + manager + "#" + version)
			.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private void create(String plan, String manager) throws Exception {
		Api created = Api.call(mvc, HttpMethod.POST, "/api/plans/" + plan + "/schede", "segretario",
				"{\"manager\": \"" + manager + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
	}

	/** Rates the latest version, at the revision it has now; the scheda as written. */
	private JsonNode rate(String plan, String manager, List<Integer> l) throws Exception {
		long revision = Api.call(mvc, HttpMethod.GET, "/api/plans/" + plan + "/schede/" + manager, "pianificatore",
				null).revision();
		String ratings = """
				{"revision": %d, "ratings": [{"behaviour": "DIFF", "level": %d}, {"behaviour": "RIS", "level": %d},
				 {"behaviour": "RIS-UM", "level": %d}, {"behaviour": "COLL", "level": %d}]}"""
			.formatted(revision, l.get(0), l.get(1), l.get(2), l.get(3));
		Api rated = Api.call(mvc, HttpMethod.PUT, "/api/plans/" + plan + "/schede/" + manager + "/ratings",
				"segretario", ratings);
		assertThat(rated.status()).as(rated.text()).isEqualTo(200);
		return rated.json().path("scheda");
	}

	/** From the rated DRAFT to FINAL through a review (the review period is not over in a test). */
	private JsonNode finalise(String plan, String manager, String managerUser) throws Exception {
		long revision = Api.call(mvc, HttpMethod.GET, "/api/plans/" + plan + "/schede/" + manager, "pianificatore",
				null).revision();
		return reviewAndFinalise(plan, manager, managerUser, propose(plan, manager, revision));
	}

	private long propose(String plan, String manager, long revision) throws Exception {
		Api proposed = move(plan, manager, "segretario", "PROPOSE", revision, null);
		assertThat(proposed.status()).as(proposed.text()).isEqualTo(200);
		return proposed.revision();
	}

	private JsonNode reviewAndFinalise(String plan, String manager, String managerUser, long revision)
			throws Exception {
		Api asked = move(plan, manager, managerUser, "REQUEST_REVIEW", revision, "Chiedo di essere sentito");
		assertThat(asked.status()).as(asked.text()).isEqualTo(200);
		Api reviewed = move(plan, manager, "segretario", "REVIEW", asked.revision(), "Sentito, confermata");
		assertThat(reviewed.status()).as(reviewed.text()).isEqualTo(200);
		Api fin = move(plan, manager, "segretario", "FINALISE", reviewed.revision(), null);
		assertThat(fin.json().path("scheda").path("state").asString()).as(fin.text()).isEqualTo("FINAL");
		return fin.json().path("scheda");
	}

	private Api move(String plan, String manager, String user, String action, long revision, String reason)
			throws Exception {
		String body = "{\"action\": \"" + action + "\", \"revision\": " + revision
				+ (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}";
		return Api.call(mvc, HttpMethod.POST, "/api/plans/" + plan + "/schede/" + manager + "/transitions", user,
				body);
	}

	private JsonNode hrFeed(String plan) throws Exception {
		return Api.call(mvc, HttpMethod.GET, "/api/plans/" + plan + "/checkpoints/" + DECEMBER + "/hr-feed",
				"personale", null).json();
	}

	private static JsonNode row(JsonNode feed, String manager) {
		for (JsonNode row : feed.path("rows")) {
			if (manager.equals(row.path("managerId").asString())) {
				return row;
			}
		}
		throw new AssertionError("no row " + manager);
	}

	private static JsonNode fund(JsonNode payTable, String name) {
		for (JsonNode fund : payTable) {
			if (name.equals(fund.path("fundName").asString())) {
				return fund;
			}
		}
		throw new AssertionError("no fund " + name + " in " + payTable);
	}

	private static BigDecimal sum(JsonNode lines) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode line : lines) {
			sum = sum.add(line.path("amount").decimalValue());
		}
		return sum;
	}

	/** The OIV reopens closing 1 of 31/12. */
	private static String reopened(String plan) {
		ObjectNode event = Seed.JSON.createObjectNode();
		event.put("type", "CheckpointReopened");
		event.put("eventId", UUID.randomUUID().toString());
		event.put("planId", plan);
		event.put("entity", "cciaa-brescia");
		event.put("checkpoint", DECEMBER);
		event.put("status", "UNDER_REVIEW");
		event.put("occurredAt", "2019-03-20T10:00:00Z");
		event.put("causedBy", "oiv");
		event.put("closing", 1);
		event.put("reason", "Riesame chiesto dal dirigente");
		return Seed.JSON.writeValueAsString(event);
	}

	/** Closing 2 of 31/12: as closing 1, but 3.1.3/3 adjusted to 10% instead of 60%. */
	private static String closedAgain(String plan) {
		ObjectNode event = (ObjectNode) Seed.JSON.readTree(YearEndExample.closed(plan));
		event.put("eventId", UUID.randomUUID().toString());
		event.put("occurredAt", "2019-03-25T10:00:00Z");
		event.put("closing", 2);
		for (JsonNode verdict : event.path("verdicts")) {
			if ("ADJUSTED".equals(verdict.path("verdict").asString())) {
				((ObjectNode) verdict).put("adjustedAchievement", new BigDecimal("0.1"));
				((ObjectNode) verdict).put("reason", "Rotazione quasi assente");
			}
		}
		return Seed.JSON.writeValueAsString(event);
	}
}
