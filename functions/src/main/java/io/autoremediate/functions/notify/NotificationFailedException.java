package io.autoremediate.functions.notify;

/** A channel could not deliver a notice; the message says what the peer answered. */
public class NotificationFailedException extends Exception {

    public NotificationFailedException(String message) {
        super(message);
    }

    public NotificationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
