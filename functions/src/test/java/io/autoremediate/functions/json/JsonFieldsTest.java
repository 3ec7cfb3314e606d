package io.autoremediate.functions.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.functions.incident.AlarmState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static JsonFields fields(String json) throws Exception {
        return JsonFields.of(JsonTrees.read(json), "the input");
    }

    @Test
    void missingAndNullFieldsReadAsAbsent() throws Exception {
        JsonFields fields = fields("{\"gone\": null}");

        assertThat(fields.text("gone")).isNull();
        assertThat(fields.text("never")).isNull();
        assertThat(fields.integer("gone", 3)).isEqualTo(3);
        assertThat(fields.optionalBool("gone")).isNull();
        assertThat(fields.object("gone")).isNull();
        assertThat(fields.instant("gone")).isNull();
        assertThat(fields.texts("gone")).isNull();
    }

    @Test
    void scalarsAreReadAsLenientlyAsStepFunctionsDataComes() throws Exception {
        JsonFields fields = fields("{\"a\": 3, \"b\": 3.0, \"c\": \"3\", \"n\": 12, \"flag\": \"true\","
                + " \"epoch\": 1700000000.5, \"offset\": \"2026-11-25T11:17:00+01:00\"}");

        assertThat(List.of(fields.integer("a", 0), fields.integer("b", 0), fields.integer("c", 0))).containsOnly(3);
        assertThat(fields.text("n")).isEqualTo("12");
        assertThat(fields.bool("flag", false)).isTrue();
        assertThat(fields.instant("epoch")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
        assertThat(fields.instant("offset")).isEqualTo(Instant.parse("2026-11-25T10:17:00Z"));
    }

    @Test
    void aFieldOfTheWrongKindIsNamedByItsPath() throws Exception {
        JsonFields incident = fields("{\"incident\": {\"polls\": 2.5, \"state\": \"BROKEN\", \"at\": \"soon\","
                + " \"alarmName\": [1], \"dimensions\": {\"InstanceId\": {}}}}").object("incident");

        assertThatThrownBy(() -> incident.integer("polls", 0))
                .hasMessage("incident.polls must be a whole number, not the number 2.5");
        assertThatThrownBy(() -> incident.constant("state", AlarmState.class))
                .hasMessage("incident.state must be one of [OK, ALARM, INSUFFICIENT_DATA], not 'BROKEN'");
        assertThatThrownBy(() -> incident.instant("at"))
                .hasMessage("incident.at must be an ISO-8601 time, not the text 'soon'");
        assertThatThrownBy(() -> incident.text("alarmName")).hasMessage("incident.alarmName must be text, not an array");
        assertThatThrownBy(() -> incident.textMap("dimensions"))
                .hasMessage("incident.dimensions.InstanceId must be text, not an object");
        assertThatThrownBy(() -> JsonFields.of(JsonTrees.read("{\"dimensions\": {\"InstanceId\": null}}"), "it")
                .textMap("dimensions")).hasMessage("dimensions.InstanceId must be text, not null");
        assertThatThrownBy(() -> incident.requiredText("missing")).hasMessage("incident.missing is required");
        assertThatThrownBy(() -> incident.requiredObject("runbook")).hasMessage("incident.runbook is required");
        assertThatThrownBy(() -> incident.requiredInstant("changedAt")).hasMessage("incident.changedAt is required");
        assertThatThrownBy(() -> JsonFields.of(JsonTrees.read("[1]"), "the input"))
                .hasMessage("the input must be a JSON object, not an array");
    }

    @Test
    void objectsBuiltLeaveAbsentFieldsOutAndKeepTheirOrder() {
        String written = JsonTrees.write(JsonObject.create().text("a", "x").text("gone", (String) null)
                .number("n", 1).bool("maybe", (Boolean) null).time("at", Instant.parse("2026-11-25T10:17:00.989Z"))
                .texts("list", List.of("p", "q")).textMap("map", Map.of("k", "v")).build());

        assertThat(written).isEqualTo("{\"a\":\"x\",\"n\":1,\"at\":\"2026-11-25T10:17:00.989Z\","
                + "\"list\":[\"p\",\"q\"],\"map\":{\"k\":\"v\"}}");
    }
}
