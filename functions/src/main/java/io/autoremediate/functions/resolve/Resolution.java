package io.autoremediate.functions.resolve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.incident.Incident;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
import io.autoremediate.functions.runbook.RunbookRef;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of resolving an incident, recorded in the execution for audit.
 *
 * @param runbook  what was found, or null
 * @param searched every key that was looked for, in order
 */
public record Resolution(Decision decision, String reason, Incident incident, RunbookRef runbook,
                         List<String> searched) {

    public Resolution {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(incident, "incident");
        searched = searched == null ? List.of() : List.copyOf(searched);
    }

    public ObjectNode toJson() {
        return JsonObject.create().text("decision", decision).text("reason", reason)
                .node("incident", incident.toJson()).node("runbook", runbook == null ? null : runbook.toJson())
                .texts("searched", searched).build();
    }

    public static Resolution fromJson(JsonFields json) {
        JsonFields runbook = json.object("runbook");
        return new Resolution(json.requiredConstant("decision", Decision.class), json.requiredText("reason"),
                Incident.fromJson(json.requiredObject("incident")),
                runbook == null ? null : RunbookRef.fromJson(runbook), json.texts("searched"));
    }
}
