package io.autoremediate.functions.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.functions.Fixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Name rules from the StartExecution API reference. */
class ExecutionNamesTest {

    private static final Instant AT = Instant.parse("2026-11-25T17:04:40.989Z");

    @Test
    void sameAlarmChangeGivesTheSameName() {
        assertThat(ExecutionNames.forEvent(Fixtures.event("single-metric-alarm.json")))
                .isEqualTo(ExecutionNames.forEvent(Fixtures.event("single-metric-alarm.json")))
                .matches("webapp-uptime-[0-9a-f]{6}-i-0abc12345def67890-20261125T170440989Z");
    }

    @Test
    void anotherChangeOfTheSameAlarmGetsAnotherName() {
        assertThat(ExecutionNames.forIncident(incident("webapp-uptime", "i-0abc12345def67890", AT)))
                .isNotEqualTo(ExecutionNames.forIncident(incident("webapp-uptime", "i-0abc12345def67890", AT.plusMillis(1))));
    }

    @Test
    void namesKeepToStepFunctionsCharactersAndLength() {
        String hostile = "a b<c>{d}[e]?f*g\"h#i%j\\k^l|m~n`o$p&q,r;s:t/u\u0007v" + "x".repeat(300);

        assertThat(ExecutionNames.forIncident(incident(hostile, "i-0abc; rm -rf /", AT)))
                .matches("[A-Za-z0-9_-]{1,80}").contains("-none-");
    }

    @Test
    void alarmsThatCleanUpToTheSameTextStayApart() {
        assertThat(ExecutionNames.forIncident(incident("cpu high", null, AT)))
                .isNotEqualTo(ExecutionNames.forIncident(incident("cpu/high", null, AT)));
    }

    @Test
    void aNameSaysWhichAlarmInstanceAndChangeItIsFor() {
        String name = ExecutionNames.forIncident(incident("Web server CPU too high, really very high", "i-12345678", AT));

        ExecutionNames.NameParts parts = ExecutionNames.parse(name).orElseThrow();

        assertThat(parts.instanceId()).isEqualTo("i-12345678");
        assertThat(parts.changedAt()).isEqualTo(AT);
        assertThat(parts.alarmKey()).startsWith("Web_server_CPU_too_high__reall-");
        assertThat(ExecutionNames.parse(ExecutionNames.forIncident(incident("other", "i-12345678", AT))).orElseThrow()
                .alarmKey()).isNotEqualTo(parts.alarmKey());
    }

    @Test
    void namesFromElsewhereAreNotRead() {
        assertThat(ExecutionNames.parse("my-manual-test-run")).isEmpty();
    }

    @Test
    void unreadableEventStillGetsAStableName() {
        assertThat(ExecutionNames.forEvent(Fixtures.event("not-an-alarm-event.json")))
                .isEqualTo(ExecutionNames.forEvent(Fixtures.event("not-an-alarm-event.json")))
                .startsWith("unreadable-event-");
    }

    private static Incident incident(String alarm, String instance, Instant at) {
        return new Incident(alarm, "arn", AlarmState.ALARM, AlarmState.OK, null, null, at, null, "m", "n",
                instance == null ? Map.of() : Map.of("InstanceId", instance), instance, null, null);
    }
}
