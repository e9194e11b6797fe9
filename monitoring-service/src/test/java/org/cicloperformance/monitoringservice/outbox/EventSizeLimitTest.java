package org.cicloperformance.monitoringservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EventSizeLimitTest {

	@Test
	void isTheProducersMaxRequestSizeLessTheMargin() {
		MockEnvironment environment = new MockEnvironment()
				.withProperty("spring.cloud.stream.kafka.binder.producer-properties.max.request.size", "65536");
		assertThat(new EventSizeLimit(environment).maxPayloadBytes()).isEqualTo(65536 - EventSizeLimit.MARGIN);
		assertThat(new EventSizeLimit(new MockEnvironment()).maxPayloadBytes())
				.isEqualTo(1024 * 1024 - EventSizeLimit.MARGIN);
	}

	@Test
	void acceptsAPayloadOfExactlyTheLimitInUtf8BytesAndRefusesOneByteMore() {
		EventSizeLimit limit = new EventSizeLimit(65536);
		int max = limit.maxPayloadBytes();
		assertThat(limit.fits("a".repeat(max))).isTrue();
		assertThat(limit.fits("a".repeat(max + 1))).isFalse();
		String accented = "è".repeat(max / 2);
		assertThat(accented.getBytes(StandardCharsets.UTF_8)).hasSize(max);
		assertThat(limit.fits(accented)).isTrue();
		assertThat(limit.fits(accented + "a")).isFalse();
		String euro = "€".repeat(max / 3) + "a".repeat(max % 3);
		assertThat(euro.getBytes(StandardCharsets.UTF_8)).hasSize(max);
		assertThat(limit.fits(euro)).isTrue();
		assertThat(limit.fits(euro + "€")).isFalse();
		String emoji = "\uD83D\uDCC8".repeat(max / 4);
		assertThat(emoji.getBytes(StandardCharsets.UTF_8)).hasSize(max);
		assertThat(limit.fits(emoji)).isTrue();
		assertThat(limit.fits(emoji + "a")).isFalse();
	}

	@Test
	void refusesAProducerLimitThatLeavesNoRoomForEvents() {
		assertThatThrownBy(() -> new EventSizeLimit(EventSizeLimit.MARGIN)).isInstanceOf(IllegalArgumentException.class);
	}
}
