package io.autoremediate.functions.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.functions.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Name rules from the StartExecution API reference. */
class ExecutionNamesTest {

    private static final Instant AT = Instant.parse("2026-11-25T17:04:40.989Z");

    @Test
    void sameAlarmChangeGivesTheSameName() {
        assertThat(ExecutionNames.forEvent(Fixtures.event("single-metric-alarm.json")))
                .isEqualTo(ExecutionNames.forEvent(Fixtures.event("single-metric-alarm.json")))
                .startsWith("webapp-uptime-20261125T170440989Z-");
    }

    @Test
    void anotherChangeOfTheSameAlarmGetsAnotherName() {
        assertThat(ExecutionNames.forChange("webapp-uptime", AT))
                .isNotEqualTo(ExecutionNames.forChange("webapp-uptime", AT.plusMillis(1)));
    }

    @Test
    void namesKeepToStepFunctionsCharactersAndLength() {
        String hostile = "a b<c>{d}[e]?f*g\"h#i%j\\k^l|m~n`o$p&q,r;s:t/u\u0007v" + "x".repeat(300);

        assertThat(ExecutionNames.forChange(hostile, AT)).matches("[A-Za-z0-9_-]{1,80}");
    }

    @Test
    void alarmsThatCleanUpToTheSameTextStayApart() {
        assertThat(ExecutionNames.forChange("cpu high", AT)).isNotEqualTo(ExecutionNames.forChange("cpu/high", AT));
    }

    @Test
    void unreadableEventStillGetsAStableName() {
        assertThat(ExecutionNames.forEvent(Fixtures.event("not-an-alarm-event.json")))
                .isEqualTo(ExecutionNames.forEvent(Fixtures.event("not-an-alarm-event.json")))
                .startsWith("unreadable-event-");
    }
}
