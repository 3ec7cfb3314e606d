package io.autoremediate.functions.command;

/** Keeps the end of a command's output: the last lines say what went wrong. */
public final class OutputTail {

    public static final int DEFAULT_CHARS = 2_000;

    private OutputTail() {
    }

    public static String of(String text) {
        return of(text, DEFAULT_CHARS);
    }

    public static String of(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        if (text.length() <= maxChars) {
            return text;
        }
        return "…" + text.substring(text.length() - maxChars + 1);
    }
}
