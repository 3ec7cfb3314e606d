package io.autoremediate.local.cli;

/** The command was asked for something it cannot do (an unreadable file, a bad value): exit 2, no stack trace. */
public class UsageException extends RuntimeException {

    static final int EXIT_CODE = 2;

    public UsageException(String message) {
        super(message);
    }
}
