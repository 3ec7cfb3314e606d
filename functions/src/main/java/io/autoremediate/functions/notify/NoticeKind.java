package io.autoremediate.functions.notify;

/** Why people are told: the automation gave up, an incident healed, or a runbook waits for approval. */
public enum NoticeKind {
    ESCALATION,
    RESOLVED,
    APPROVAL_REQUEST
}
