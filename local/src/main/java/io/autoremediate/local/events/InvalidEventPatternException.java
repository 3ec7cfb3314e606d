package io.autoremediate.local.events;

/** An event pattern EventBridge would reject; the message names the field and says what is allowed. */
public final class InvalidEventPatternException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** {@code fieldPath} is dotted, empty for the root, or null where the refusal does not say where. */
    InvalidEventPatternException(String fieldPath, String problem) {
        super("invalid event pattern" + (fieldPath == null ? "" : " at '" + (fieldPath.isEmpty() ? "(root)" : fieldPath)
                + "'") + ": " + problem);
    }
}
