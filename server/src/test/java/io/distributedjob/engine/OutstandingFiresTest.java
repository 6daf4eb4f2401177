package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.distributedjob.engine.OutstandingFires.Key;
import org.junit.jupiter.api.Test;

/** The watermark of claimed, unrecorded fires that an instance publishes as {@code done_before}. */
class OutstandingFiresTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private final OutstandingFires fires = new OutstandingFires();

    @Test
    void withNothingClaimedThereIsNoWatermark() {
        assertThat(fires.watermark()).isNull();
        assertThat(fires.size()).isZero();
        assertThat(fires.holds(1)).isFalse();
    }

    @Test
    void theWatermarkIsTheEarliestFireNotYetRecorded() {
        fires.addAll(List.of(new Key(1, T0.plusSeconds(2)), new Key(2, T0), new Key(1, T0.plusSeconds(1))));

        assertThat(fires.watermark()).isEqualTo(T0);
        fires.remove(2, T0);
        assertThat(fires.watermark()).isEqualTo(T0.plusSeconds(1));
        fires.removeAll(List.of(new Key(1, T0.plusSeconds(1)), new Key(1, T0.plusSeconds(2))));
        assertThat(fires.watermark()).isNull();
    }

    @Test
    void twoFiresAtTheSameInstantHoldTheWatermarkUntilBothAreRecorded() {
        fires.addAll(List.of(new Key(1, T0), new Key(2, T0)));

        fires.remove(1, T0);

        assertThat(fires.watermark()).isEqualTo(T0);
        assertThat(fires.size()).isOne();
        fires.remove(2, T0);
        assertThat(fires.watermark()).isNull();
    }

    @Test
    void aTaskIsHeldWhileAnyOfItsFiresIsOutstanding() {
        fires.addAll(List.of(new Key(1, T0), new Key(1, T0.plusSeconds(1)), new Key(2, T0)));

        fires.remove(1, T0);
        assertThat(fires.holds(1)).isTrue();
        fires.remove(1, T0.plusSeconds(1));

        assertThat(fires.holds(1)).isFalse();
        assertThat(fires.holds(2)).isTrue();
    }

    @Test
    void removingAFireThatWasNeverClaimedChangesNothing() {
        fires.addAll(List.of(new Key(1, T0)));

        fires.remove(1, T0.plusSeconds(5));

        assertThat(fires.size()).isOne();
        assertThat(fires.watermark()).isEqualTo(T0);
    }
}
