package io.distributedjob.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.distributedjob.support.ApiResult;
import io.distributedjob.support.H2ServerTest;
import org.junit.jupiter.api.Test;

class HealthTest extends H2ServerTest {

    @Test
    void answersAsTheSpecShowsWithoutAToken() {
        ApiResult result = api().get("/health");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.code()).isZero();
        assertThat(result.message()).isEqualTo("success");
        assertThat(result.data().get("status").asString()).isEqualTo("up");
        assertThat(result.data().get("stuckWorkers").asInt()).isZero();
        Instant timestamp = Instant.parse(result.data().get("timestamp").asString());
        assertThat(timestamp).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }
}
