package io.autoremediate.functions.guard;

import io.autoremediate.functions.incident.ExecutionNames.NameParts;
import io.autoremediate.functions.incident.ExecutionNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps remediations safe on a fleet, from the executions' names alone: one remediation at a time per
 * instance (the earliest-started execution goes first, the others wait and look again), and a circuit
 * breaker that stops automating an alarm on an instance once it has fired too often within a window.
 */
public final class RemediationGuard {

    /** Executions start a little after the change they handle; look back this much further. */
    static final Duration START_SLACK = Duration.ofMinutes(15);
    private static final Comparator<ExecutionEntry> FIRST_STARTED =
            Comparator.comparing(ExecutionEntry::startDate).thenComparing(ExecutionEntry::name);

    private final ExecutionLedger ledger;

    public RemediationGuard(ExecutionLedger ledger) {
        this.ledger = ledger;
    }

    public GuardVerdict check(GuardRequest request) {
        NameParts self = ExecutionNames.parse(ExecutionNames.forIncident(request.incident())).orElseThrow();
        int recent = recentIncidents(request, self);
        String target = "'" + request.incident().alarmName() + "' on " + self.instanceId();
        if (recent > request.maxIncidents()) {
            return new GuardVerdict(Verdict.FLAPPING, "flapping: alarm " + target + " went to ALARM " + recent
                    + " times within " + describe(request.windowSeconds()) + " (limit " + request.maxIncidents()
                    + "); auto-remediation is paused for it until it calms down", List.of(), recent);
        }
        List<String> blockers = earlierOnSameInstance(request, self);
        if (!blockers.isEmpty()) {
            return new GuardVerdict(Verdict.WAIT, "waiting: " + blockers.get(0) + " is remediating "
                    + self.instanceId() + " already", blockers, recent);
        }
        return new GuardVerdict(Verdict.PROCEED, "no other remediation in flight on " + self.instanceId() + "; "
                + recent + " change(s) into ALARM within " + describe(request.windowSeconds()), List.of(), recent);
    }

    private int recentIncidents(GuardRequest request, NameParts self) {
        Instant windowStart = self.changedAt().minusSeconds(request.windowSeconds());
        Set<Instant> changes = new TreeSet<>();
        changes.add(self.changedAt());
        for (ExecutionEntry entry : ledger.startedSince(windowStart.minus(START_SLACK))) {
            Optional<NameParts> parts = ExecutionNames.parse(entry.name());
            if (parts.isPresent() && sameTarget(parts.get(), self)
                    && !parts.get().changedAt().isBefore(windowStart) && !parts.get().changedAt().isAfter(self.changedAt())) {
                changes.add(parts.get().changedAt());
            }
        }
        return changes.size();
    }

    private List<String> earlierOnSameInstance(GuardRequest request, NameParts self) {
        if (!self.hasInstance()) {
            return List.of();
        }
        List<ExecutionEntry> running = ledger.running();
        ExecutionEntry me = running.stream().filter(e -> e.name().equals(request.executionName())).findFirst()
                .orElse(new ExecutionEntry(request.executionName(), ExecutionEntry.ExecutionState.RUNNING,
                        request.executionStartedAt()));
        return running.stream()
                .filter(e -> !e.name().equals(me.name()))
                .filter(e -> ExecutionNames.parse(e.name()).map(p -> p.instanceId().equals(self.instanceId())).orElse(false))
                .filter(e -> FIRST_STARTED.compare(e, me) < 0)
                .sorted(FIRST_STARTED)
                .map(ExecutionEntry::name)
                .toList();
    }

    private static boolean sameTarget(NameParts a, NameParts b) {
        return a.alarmKey().equals(b.alarmKey()) && a.instanceId().equals(b.instanceId());
    }

    private static String describe(int seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
