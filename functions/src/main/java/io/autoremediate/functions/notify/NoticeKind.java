package io.autoremediate.functions.notify;

/** Why people are told: the automation gave up, or an incident healed. */
public enum NoticeKind {
    ESCALATION,
    RESOLVED
}
