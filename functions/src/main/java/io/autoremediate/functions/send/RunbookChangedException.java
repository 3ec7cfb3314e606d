package io.autoremediate.functions.send;

/** The runbook's content is no longer what was resolved (changed or deleted since): nothing is sent. */
public class RunbookChangedException extends RuntimeException {

    public RunbookChangedException(String message) {
        super(message);
    }
}
