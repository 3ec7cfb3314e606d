package io.autoremediate.local.runtime;

import io.autoremediate.engine.TaskTokenIssued;
import io.autoremediate.engine.TaskTokenListener;
import io.autoremediate.local.json.LocalJson;

/**
 * An answer given in advance to every approval request of a runtime, for runs with nobody at the console
 * (a replay, a test): approve at once, or deny at once with a reason.
 */
public final class StandingApproval implements TaskTokenListener {

    private final LocalRuntime runtime;
    private final boolean approve;
    private final String reason;

    private StandingApproval(LocalRuntime runtime, boolean approve, String reason) {
        this.runtime = runtime;
        this.approve = approve;
        this.reason = reason;
    }

    /** Approves every request with {@code {"approved": true}}, as {@code ./autoremediate approve} does. */
    public static void approveAll(LocalRuntime runtime) {
        runtime.onApprovalRequest(new StandingApproval(runtime, true, null));
    }

    /** Denies every request with this reason, as {@code ./autoremediate deny --reason} does. */
    public static void denyAll(LocalRuntime runtime, String reason) {
        runtime.onApprovalRequest(new StandingApproval(runtime, false, reason));
    }

    @Override
    public void onTaskToken(TaskTokenIssued issued) {
        if (approve) {
            runtime.approve(issued.taskToken(), LocalJson.MAPPER.createObjectNode().put("approved", true));
        } else {
            runtime.deny(issued.taskToken(), reason);
        }
    }
}
