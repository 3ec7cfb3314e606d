package io.autoremediate.engine.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.engine.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history keeps events in columns and makes them when read; what is read must not tell the difference. */
class HistoryLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2024-05-01T10:00:00.123456789Z");

    private final VirtualClock clock = new VirtualClock(START);

    @Test
    void valueEventsReadBackAsStateEnteredAndExitedDetailsWithTheValueAsText() throws Exception {
        HistoryLog history = new HistoryLog(clock, ExecutionListener.NONE, 100);

        history.appendValue("PassStateEntered", "P", IoDetails.Field.INPUT, JSON.readTree("{\"a\":1}"));
        clock.advance(Duration.ofMillis(5));
        history.appendValue("PassStateExited", "P", IoDetails.Field.OUTPUT, JSON.readTree("[1]"));

        List<HistoryEvent> events = history.events();
        assertThat(events.get(0).details()).isEqualTo(JSON.readTree(
                "{\"name\":\"P\",\"input\":\"{\\\"a\\\":1}\",\"inputDetails\":{\"truncated\":false}}"));
        assertThat(events.get(1).details()).isEqualTo(JSON.readTree(
                "{\"name\":\"P\",\"output\":\"[1]\",\"outputDetails\":{\"truncated\":false}}"));
        assertThat(events.get(1).toJson().toString()).isEqualTo("{\"timestamp\":\"2024-05-01T10:00:00.128Z\","
                + "\"type\":\"PassStateExited\",\"id\":2,\"previousEventId\":1,\"stateExitedEventDetails\":"
                + "{\"name\":\"P\",\"output\":\"[1]\",\"outputDetails\":{\"truncated\":false}}}");
        assertThat(events.get(0).timestamp()).isEqualTo(START);
        assertThat(events.get(1).stateName()).isEqualTo("P");
    }

    @Test
    void aSnapshotKeepsItsEventsWhileTheHistoryGrowsPastItsArrays() {
        HistoryLog history = new HistoryLog(clock, ExecutionListener.NONE, 10_000);
        for (int i = 0; i < 5; i++) {
            history.append("Event" + i, null, JSON.createObjectNode().put("i", i));
        }
        List<HistoryEvent> early = history.events();
        for (int i = 5; i < 1_500; i++) {
            history.append("Event" + i, null, JSON.createObjectNode().put("i", i));
        }
        List<HistoryEvent> middle = history.events();
        for (int i = 1_500; i < 3_000; i++) {
            history.append("Event" + i, null, JSON.createObjectNode().put("i", i));
        }

        assertThat(early).hasSize(5).extracting(HistoryEvent::type)
                .containsExactly("Event0", "Event1", "Event2", "Event3", "Event4");
        assertThat(middle).hasSize(1_500);
        assertThat(history.events()).hasSize(3_000);
        for (int i : new int[] {0, 1_023, 1_024, 1_499, 2_047, 2_048, 2_999}) {
            HistoryEvent event = history.events().get(i);
            assertThat(event.id()).isEqualTo(i + 1L);
            assertThat(event.previousEventId()).isEqualTo(i);
            assertThat(event.type()).isEqualTo("Event" + i);
            assertThat(event.details().get("i").asInt()).isEqualTo(i);
        }
        assertThat(middle.get(1_499).type()).isEqualTo("Event1499");
        assertThat(history.eventsFrom(2_998)).extracting(HistoryEvent::id).containsExactly(2_999L, 3_000L);
        assertThatThrownBy(() -> early.add(early.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void detailsAreCopiedWhenAppendedAndWhenRead() {
        HistoryLog history = new HistoryLog(clock, ExecutionListener.NONE, 100);
        ObjectNode details = JSON.createObjectNode().put("name", "A");

        history.append("PassStateEntered", "A", details);
        details.put("name", "changed");
        history.events().get(0).details().put("name", "changed too");

        assertThat(history.events().get(0).details().get("name").asText()).isEqualTo("A");
    }

    @Test
    void theListenerHearsEachEventAsAppendedAndAHistoryReadBackGoesOnFromIt() {
        List<HistoryEvent> heard = new ArrayList<>();
        HistoryLog history = new HistoryLog(clock, heard::add, 100);
        history.append("ExecutionStarted", null, JSON.createObjectNode().put("input", "{}"));
        history.appendValue("PassStateEntered", "A", IoDetails.Field.INPUT, JSON.createObjectNode());

        HistoryLog resumed = new HistoryLog(clock, ExecutionListener.NONE, 100, heard);
        resumed.appendValue("PassStateExited", "A", IoDetails.Field.OUTPUT, JSON.createObjectNode());

        assertThat(heard).isEqualTo(history.events());
        assertThat(resumed.events().subList(0, 2)).isEqualTo(heard);
        assertThat(resumed.events().get(2).id()).isEqualTo(3);
    }

    @Test
    void onlyAnExecutionsEndFitsInTheLastSlot() {
        HistoryLog history = new HistoryLog(clock, ExecutionListener.NONE, 3);
        history.append("ExecutionStarted", null, null);
        history.appendValue("PassStateEntered", "A", IoDetails.Field.INPUT, JSON.createObjectNode());

        assertThatThrownBy(() -> history.appendValue("PassStateExited", "A", IoDetails.Field.OUTPUT,
                JSON.createObjectNode()))
                .isInstanceOf(HistoryLog.HistoryLimitReached.class);
        history.append("ExecutionFailed", null, null);
        assertThat(history.size()).isEqualTo(3);
    }
}
