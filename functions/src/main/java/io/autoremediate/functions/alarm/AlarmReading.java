package io.autoremediate.functions.alarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/** An alarm's state as read now, to decide whether a remediation worked. */
public record AlarmReading(String alarmName, AlarmState state, String reason, Instant updatedAt) {

    public AlarmReading {
        Objects.requireNonNull(alarmName, "alarmName");
        Objects.requireNonNull(state, "state");
    }

    public boolean ok() {
        return state == AlarmState.OK;
    }

    public ObjectNode toJson() {
        return JsonObject.create().text("alarmName", alarmName).text("state", state).text("reason", reason)
                .time("updatedAt", updatedAt).build();
    }

    public static AlarmReading fromJson(JsonFields json) {
        return new AlarmReading(json.requiredText("alarmName"), json.requiredConstant("state", AlarmState.class),
                json.text("reason"), json.instant("updatedAt"));
    }
}
