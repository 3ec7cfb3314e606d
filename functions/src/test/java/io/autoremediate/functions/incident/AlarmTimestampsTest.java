package io.autoremediate.functions.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlarmTimestampsTest {

    @Test
    void readsCloudWatchsOffsetWithoutColon() {
        assertThat(AlarmTimestamps.parse("2019-10-02T17:04:40.989+0000")).isEqualTo(Instant.parse("2019-10-02T17:04:40.989Z"));
    }

    @Test
    void readsNonUtcOffsets() {
        assertThat(AlarmTimestamps.parse("2019-10-02T19:04:40.989+0200")).isEqualTo(Instant.parse("2019-10-02T17:04:40.989Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-10-02T17:04:40Z", "2019-10-02T17:04:40.989+00:00"})
    void readsIsoForms(String text) {
        assertThat(AlarmTimestamps.parse(text)).isBetween(Instant.parse("2019-10-02T17:04:40Z"),
                Instant.parse("2019-10-02T17:04:41Z"));
    }

    @Test
    void writesCloudWatchsForm() {
        assertThat(AlarmTimestamps.format(Instant.parse("2019-10-02T17:04:40.989Z"))).isEqualTo("2019-10-02T17:04:40.989+0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-10-02", "2019-10-02T17:04:40", "now", ""})
    void rejectsTimestampsWithoutDateTimeAndOffset(String text) {
        assertThatThrownBy(() -> AlarmTimestamps.parse(text)).hasMessageContaining("is not a timestamp like");
    }
}
