package io.autoremediate.local.events;

/** An event pattern EventBridge would reject; the message names the field and says what is allowed. */
public final class InvalidEventPatternException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidEventPatternException(String fieldPath, String problem) {
        super("invalid event pattern at '" + (fieldPath.isEmpty() ? "(root)" : fieldPath) + "': " + problem);
    }
}
