package io.autoremediate.engine.internal.retry;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.definition.Problems;
import io.autoremediate.engine.internal.errors.ErrorNames;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and validates the Retry and Catch fields of a Task, Parallel or Map state. */
public final class ErrorHandlingParser {
    private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    private ErrorHandlingParser() {
    }

    public static ErrorHandling parse(FieldReader state) {
        List<Retrier> retriers = new ArrayList<>();
        List<Catcher> catchers = new ArrayList<>();
        JsonNode retry = state.json().get("Retry");
        JsonNode catchField = state.json().get("Catch");
        if (retry != null) {
            if (!retry.isArray()) {
                state.problem("'Retry' must be an array, but was " + Json.write(retry));
            } else {
                for (int i = 0; i < retry.size(); i++) {
                    boolean last = i == retry.size() - 1;
                    parseRetrier(new FieldReader(retry.get(i), state.problems().within("Retry[" + i + "]")), last)
                            .ifPresent(retriers::add);
                }
            }
        }
        if (catchField != null) {
            if (!catchField.isArray()) {
                state.problem("'Catch' must be an array, but was " + Json.write(catchField));
            } else {
                for (int i = 0; i < catchField.size(); i++) {
                    boolean last = i == catchField.size() - 1;
                    parseCatcher(new FieldReader(catchField.get(i), state.problems().within("Catch[" + i + "]")), last)
                            .ifPresent(catchers::add);
                }
            }
        }
        return new ErrorHandling(retriers, catchers);
    }

    private static Optional<Retrier> parseRetrier(FieldReader r, boolean last) {
        if (!r.json().isObject()) {
            r.problem("a Retrier must be an object");
            return Optional.empty();
        }
        int before = r.problems().size();
        r.allowOnly(RETRIER_FIELDS, "a Retrier");
        List<String> errorEquals = errorEquals(r, last);
        int interval = r.integer("IntervalSeconds", 1).orElse(Retrier.DEFAULT_INTERVAL_SECONDS);
        int maxAttempts = r.integer("MaxAttempts", 0).orElse(Retrier.DEFAULT_MAX_ATTEMPTS);
        double backoff = r.number("BackoffRate", 1.0).orElse(Retrier.DEFAULT_BACKOFF_RATE);
        Integer maxDelay = r.integer("MaxDelaySeconds", 1).orElse(null);
        Retrier.JitterStrategy jitter = r.string("JitterStrategy").map(s -> {
            try {
                return Retrier.JitterStrategy.valueOf(s);
            } catch (IllegalArgumentException e) {
                r.problem("'JitterStrategy' must be FULL or NONE, but was '" + s + "'");
                return Retrier.JitterStrategy.NONE;
            }
        }).orElse(Retrier.JitterStrategy.NONE);
        if (r.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Retrier(errorEquals, interval, maxAttempts, backoff, maxDelay, jitter));
    }

    private static Optional<Catcher> parseCatcher(FieldReader r, boolean last) {
        if (!r.json().isObject()) {
            r.problem("a Catcher must be an object");
            return Optional.empty();
        }
        int before = r.problems().size();
        r.allowOnly(CATCHER_FIELDS, "a Catcher");
        List<String> errorEquals = errorEquals(r, last);
        Optional<String> next = r.requiredString("Next");
        JsonPath resultPath = r.has("ResultPath") ? r.nullablePath("ResultPath", true) : InputOutput.ROOT;
        if (r.problems().size() > before || next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Catcher(errorEquals, next.get(), resultPath));
    }

    private static List<String> errorEquals(FieldReader r, boolean last) {
        JsonNode value = r.json().get("ErrorEquals");
        if (value == null) {
            r.problem("'ErrorEquals' is required");
            return List.of();
        }
        if (!value.isArray() || value.isEmpty()) {
            r.problem("'ErrorEquals' must be a non-empty array of error names, but was " + Json.write(value));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : value) {
            if (!name.isTextual()) {
                r.problem("'ErrorEquals' must hold only strings, but has " + Json.write(name));
            } else {
                names.add(name.textValue());
            }
        }
        if (names.contains(ErrorNames.ALL)) {
            if (names.size() > 1) {
                r.problem("'ErrorEquals' must hold States.ALL alone, but was " + Json.write(value));
            } else if (!last) {
                r.problem("States.ALL must appear only in the last element");
            }
        }
        return names;
    }
}
