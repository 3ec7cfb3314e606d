package io.autoremediate.functions.resolve;

import io.autoremediate.functions.incident.Incident;
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
}
