package io.autoremediate.local.runtime;

import java.util.regex.Pattern;

/**
 * A Lambda Java handler string, {@code package.Class::method} or {@code package.Class} (method
 * {@code handleRequest}), as the function's Handler setting names it.
 */
public record LambdaHandlerString(String className, String methodName) {

    static final String DEFAULT_METHOD = "handleRequest";
    private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
    private static final Pattern FORM = Pattern.compile(
            "(" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*)(?:::(" + IDENTIFIER + "))?");

    /** True when the text has the handler string's form (whether or not such a class exists). */
    public static boolean looksLikeOne(String text) {
        return FORM.matcher(text).matches();
    }

    /** @throws IllegalArgumentException naming the expected form */
    public static LambdaHandlerString parse(String text) {
        var matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Java handler string"
                    + " (package.Class::method or package.Class)");
        }
        return new LambdaHandlerString(matcher.group(1), matcher.group(2) == null ? DEFAULT_METHOD : matcher.group(2));
    }

    @Override
    public String toString() {
        return className + "::" + methodName;
    }
}
