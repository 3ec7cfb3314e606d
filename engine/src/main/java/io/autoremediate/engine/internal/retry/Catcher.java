package io.autoremediate.engine.internal.retry;

import io.autoremediate.engine.internal.json.JsonPath;
import java.util.List;
import java.util.Objects;

/**
 * One element of a Catch field (States Language spec, "Fallback states"): on a matching error, place
 * {@code {"Error", "Cause"}} at {@code resultPath} in the state's raw input and go to {@code next}.
 *
 * @param resultPath where the error output goes; {@code null} keeps the raw input unchanged
 */
public record Catcher(List<String> errorEquals, String next, JsonPath resultPath) {
    public Catcher {
        errorEquals = List.copyOf(errorEquals);
        if (errorEquals.isEmpty()) {
            throw new IllegalArgumentException("ErrorEquals must not be empty");
        }
        Objects.requireNonNull(next, "next");
    }
}
