package io.autoremediate.functions.guard;

/** What the guard lets an execution do next. */
public enum Verdict {
    /** Nothing else is remediating this instance and the alarm is not flapping: go on. */
    PROCEED,
    /** An earlier execution is remediating the same instance: wait for it, then look again. */
    WAIT,
    /** The alarm fired too often for this instance lately: stop automating it and tell people. */
    FLAPPING
}
