package io.autoremediate.functions.resolve;

/** What the state machine does with an incident after resolution. */
public enum Decision {
    /** A runbook and a target were found: run it. */
    REMEDIATE,
    /** Something needed is missing: tell people, run nothing. */
    ESCALATE,
    /** Not a change into ALARM: nothing to do, end quietly with the reason. */
    IGNORE
}
