package io.autoremediate.functions.errors;

/**
 * The error names of our own that the state machine raises or matches: its two Fail states and the answer
 * an operator gives to deny an approval. A Java exception reaches it under its class name instead, as the
 * exceptions of this package do.
 */
public final class RemediationErrors {

    /** The approval Task's failure when someone denies it (SendTaskFailure); the incident escalates. */
    public static final String DENIED = "Remediation.Denied";

    /** The Fail state an escalated incident ends in, once people have been told. */
    public static final String ESCALATED = "Remediation.Escalated";

    /** The Fail state when no channel took the escalation. */
    public static final String ESCALATION_UNDELIVERED = "Remediation.EscalationUndelivered";

    private RemediationErrors() {
    }
}
