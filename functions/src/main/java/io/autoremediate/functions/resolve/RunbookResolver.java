package io.autoremediate.functions.resolve;

import io.autoremediate.functions.incident.Incident;
import io.autoremediate.functions.incident.InstanceIds;
import io.autoremediate.functions.runbook.Runbook;
import io.autoremediate.functions.runbook.RunbookKeys;
import io.autoremediate.functions.runbook.RunbookStore;
import java.util.List;
import java.util.Optional;

/**
 * Decides what to do about an incident: only a change into ALARM with a runbook and a valid target is
 * remediated; anything missing is escalated with the reason, never guessed around.
 */
public final class RunbookResolver {

    private final RunbookStore store;
    private final RunbookPolicy policy;

    public RunbookResolver(RunbookStore store) {
        this(store, RunbookPolicy.trustingTheStore());
    }

    public RunbookResolver(RunbookStore store, RunbookPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    public Resolution resolve(Incident incident) {
        if (!incident.isAlarmTransition()) {
            return new Resolution(Decision.IGNORE, "alarm '" + incident.alarmName() + "' changed to "
                    + incident.state() + (incident.previousState() == null ? "" : " from " + incident.previousState())
                    + "; only a change into ALARM runs a runbook", incident, null, List.of());
        }
        List<String> keys = RunbookKeys.candidatesFor(incident);
        Optional<Runbook> found = keys.stream().map(store::find).flatMap(Optional::stream).findFirst();
        if (found.isEmpty()) {
            return new Resolution(Decision.ESCALATE, "no runbook for alarm '" + incident.alarmName()
                    + "': looked for " + quoted(keys) + " under " + store.describe(), incident, null, keys);
        }
        Runbook runbook = found.get();
        String refusal = policy.refusal(runbook.ref());
        if (refusal != null) {
            return new Resolution(Decision.ESCALATE, refusal, incident, runbook.ref(), keys);
        }
        String targetProblem = targetProblem(incident);
        if (targetProblem != null) {
            return new Resolution(Decision.ESCALATE, targetProblem, incident, runbook.ref(), keys);
        }
        return new Resolution(Decision.REMEDIATE, "runbook '" + runbook.ref().key() + "' (sha256 "
                + runbook.ref().sha256().substring(0, 12) + "…) for alarm '" + incident.alarmName() + "' on "
                + incident.instanceId(), incident, runbook.ref(), keys);
    }

    private static String targetProblem(Incident incident) {
        if (!incident.hasMetric()) {
            return "alarm '" + incident.alarmName() + "' is a metric-math or anomaly-detection alarm:"
                    + " it names no single instance to run a runbook on";
        }
        if (incident.instanceId() == null) {
            return "alarm '" + incident.alarmName() + "' has no InstanceId dimension (dimensions: "
                    + incident.dimensions().keySet() + "): no instance to run a runbook on";
        }
        if (!InstanceIds.isValid(incident.instanceId())) {
            return "alarm '" + incident.alarmName() + "': dimension InstanceId is not an EC2 (i-…) or managed"
                    + " (mi-…) instance id, so no command is sent";
        }
        return null;
    }

    private static String quoted(List<String> keys) {
        return keys.isEmpty() ? "no usable key (the names hold control characters)"
                : String.join(", ", keys.stream().map(k -> "'" + k + "'").toList());
    }
}
