package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2024-05-01T10:00:00.5Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "TaskStateEntered, stateEnteredEventDetails",
            "FailStateEntered, stateEnteredEventDetails",
            "MapStateExited, stateExitedEventDetails",
            "LambdaFunctionScheduled, lambdaFunctionScheduledEventDetails",
            "LambdaFunctionFailed, lambdaFunctionFailedEventDetails",
            "TaskScheduled, taskScheduledEventDetails",
            "MapIterationStarted, mapIterationStartedEventDetails",
            "ExecutionFailed, executionFailedEventDetails",
            "ExecutionSucceeded, executionSucceededEventDetails",
    })
    void detailsFieldIsNamedAsGetExecutionHistoryNamesIt(String type, String field) {
        assertThat(new HistoryEvent(2, 1, AT, type, null, JSON.createObjectNode()).detailsFieldName())
                .isEqualTo(field);
    }

    @Test
    void toJsonHasTheGetExecutionHistoryShape() throws Exception {
        ObjectNode details = (ObjectNode) JSON.readTree("{\"name\":\"Check\",\"input\":\"{}\"}");

        ObjectNode json = new HistoryEvent(3, 2, AT, "TaskStateEntered", "Check", details).toJson();

        assertThat(json.toString()).isEqualTo("{\"timestamp\":\"2024-05-01T10:00:00.500Z\",\"type\":\"TaskStateEntered\","
                + "\"id\":3,\"previousEventId\":2,\"stateEnteredEventDetails\":{\"name\":\"Check\",\"input\":\"{}\"}}");
    }

    @Test
    void eventsWithoutDetailsHaveNoDetailsField() {
        assertThat(new HistoryEvent(4, 3, AT, "LambdaFunctionStarted", "Check", null).toJson().has(
                "lambdaFunctionStartedEventDetails")).isFalse();
    }

    @Test
    void theEventCannotBeChangedThroughItsDetails() {
        ObjectNode details = JSON.createObjectNode().put("name", "A");
        HistoryEvent event = new HistoryEvent(1, 0, AT, "PassStateEntered", "A", details);

        details.put("name", "changed");
        event.details().put("name", "changed too");

        assertThat(event.details().get("name").asText()).isEqualTo("A");
    }

    @Test
    void idsMustStartAtOneAndPointBackwards() {
        assertThatThrownBy(() -> new HistoryEvent(0, 0, AT, "ExecutionStarted", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryEvent(2, 2, AT, "PassStateEntered", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
