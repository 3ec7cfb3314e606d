package io.autoremediate.functions.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.Fixtures;
import io.autoremediate.functions.TestJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentIntakeTest {

    /** Step Functions' rule, kept as it keeps it: one execution per name. */
    private final Map<String, String> started = new LinkedHashMap<>();
    private final ExecutionStarter starter = (name, input) -> {
        boolean duplicate = started.putIfAbsent(name, input) != null;
        return new StartedExecution(name, "arn:aws:states:us-east-1:123456789012:execution:sm:" + name, duplicate);
    };

    @Test
    void theSameAlarmChangeDeliveredTwiceStartsOneExecution() {
        IncidentIntake intake = new IncidentIntake(starter, null);

        StartedExecution first = intake.accept(Fixtures.event("single-metric-alarm.json"));
        StartedExecution second = intake.accept(Fixtures.event("single-metric-alarm.json"));

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.executionName()).isEqualTo(first.executionName());
        assertThat(started).hasSize(1);
    }

    @Test
    void theInputKeepsTheEventAsDeliveredAndTheSettingsBesideIt() throws Exception {
        JsonNode settings = TestJson.MAPPER.readTree("{\"maxAttempts\": 2}");
        new IncidentIntake(starter, settings).accept(Fixtures.event("single-metric-alarm.json"));

        JsonNode input = TestJson.MAPPER.readTree(started.values().iterator().next());

        assertThat(input.get("event")).isEqualTo(Fixtures.event("single-metric-alarm.json"));
        assertThat(input.get("settings")).isEqualTo(settings);
    }

    @Test
    void anUnreadableEventIsStillStartedSoItIsEscalatedNotLost() {
        StartedExecution execution = new IncidentIntake(starter, null).accept(Fixtures.event("not-an-alarm-event.json"));

        assertThat(execution.executionName()).startsWith("unreadable-event-");
        assertThat(started).hasSize(1);
    }
}
