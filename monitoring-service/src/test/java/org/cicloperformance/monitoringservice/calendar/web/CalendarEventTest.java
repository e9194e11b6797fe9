package org.cicloperformance.monitoringservice.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.cicloperformance.monitoringservice.support.Contracts;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import java.util.UUID;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Each revision of a calendar goes out as a {@code CalendarSet} on {@code checkpoint-events} (issue 18: reporting's
 * completion board reads it), valid against the contract, once per revision.
 */
class CalendarEventTest extends IntegrationTestBase {

	static final String VALID = CalendarApiTest.VALID;

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	final String planId = "piano-calendario-evento-" + UUID.randomUUID();

	@BeforeEach
	void aKnownPlan() {
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
	}

	ResultActions putAs(String user, String body) throws Exception {
		return mvc.perform(put("/api/calendars").param("planId", planId).param("checkpoint", "2018-06-30")
				.header(HttpHeaders.AUTHORIZATION, basic(user)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void eachRevisionOfTheCalendarIsPublishedOnceAsCalendarSet() throws Exception {
		putAs("pianificatore", VALID).andExpect(status().isOk());
		putAs("pianificatore", VALID.replace("2018-07-15", "2018-07-20")).andExpect(status().isOk());

		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
				.consumer(TestInfrastructure.broker().getBrokersAsString(), "checkpoint-events")) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key())).forEach(mine::add);
				assertThat(mine).hasSize(2);
			});
			Thread.sleep(500);
			TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key())).forEach(mine::add);
		}
		assertThat(mine).hasSize(2);
		for (ConsumerRecord<String, String> event : mine) {
			assertThat(Contracts.validateCheckpointEvent(event.value())).as(event.value()).isEmpty();
			assertThat((String) JsonPath.read(event.value(), "$.type")).isEqualTo("CalendarSet");
		}
		assertThat(mine).extracting(r -> (Integer) JsonPath.read(r.value(), "$.revision")).containsExactly(1, 2);
		assertThat(mine).extracting(r -> (String) JsonPath.read(r.value(), "$.closesOn"))
				.containsExactly("2018-07-15", "2018-07-20");
		String last = mine.get(1).value();
		assertThat((String) JsonPath.read(last, "$.opensOn")).isEqualTo("2018-06-01");
		assertThat((String) JsonPath.read(last, "$.assignments[0].office")).isEqualTo("ufficio-bandi");
		assertThat((String) JsonPath.read(last, "$.assignments[0].user")).isEqualTo("mario.rossi");
		assertThat(last).doesNotContain("anagrafe@ente.example");
	}
}
