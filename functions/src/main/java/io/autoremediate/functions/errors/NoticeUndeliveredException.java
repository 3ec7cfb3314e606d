package io.autoremediate.functions.errors;

/**
 * No channel took the notice. Thrown so the state machine retries and, when retries run out, fails the
 * execution loudly: an escalation must never be lost quietly.
 */
public class NoticeUndeliveredException extends RuntimeException {

    public NoticeUndeliveredException(String message) {
        super(message);
    }
}
