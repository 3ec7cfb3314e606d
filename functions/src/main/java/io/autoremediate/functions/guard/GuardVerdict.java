package io.autoremediate.functions.guard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * @param blockers        the executions this one waits for
 * @param recentIncidents changes into ALARM of this alarm on this instance within the window, this one included
 */
public record GuardVerdict(Verdict verdict, String reason, List<String> blockers, int recentIncidents) {

    public GuardVerdict {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        blockers = blockers == null ? List.of() : List.copyOf(blockers);
    }

    public ObjectNode toJson() {
        return JsonObject.create().text("verdict", verdict).text("reason", reason).texts("blockers", blockers)
                .number("recentIncidents", recentIncidents).build();
    }

    public static GuardVerdict fromJson(JsonFields json) {
        return new GuardVerdict(json.requiredConstant("verdict", Verdict.class), json.requiredText("reason"),
                json.texts("blockers"), json.integer("recentIncidents", 0));
    }
}
