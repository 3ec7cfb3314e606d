package io.autoremediate.functions.guard;

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
}
