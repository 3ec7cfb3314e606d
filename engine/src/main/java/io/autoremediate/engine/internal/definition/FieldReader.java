package io.autoremediate.engine.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.io.PayloadTemplate;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the typed fields of one JSON object of a definition (a state, a Retrier, a Choice rule), reporting
 * each missing or malformed field to {@link Problems} with the field's name. A bad field reads as absent.
 */
public final class FieldReader {
    private final JsonNode json;
    private final Problems problems;

    public FieldReader(JsonNode json, Problems problems) {
        this.json = json;
        this.problems = problems;
    }

    public JsonNode json() {
        return json;
    }

    public Problems problems() {
        return problems;
    }

    public boolean has(String field) {
        return json.has(field);
    }

    public void problem(String message) {
        problems.add(message);
    }

    /** Reports every field outside the allowed set. */
    public void allowOnly(Set<String> allowed, String what) {
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add("field '" + name + "' is not supported by " + what);
            }
        }
    }

    public Optional<String> string(String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.add("'" + field + "' must be a string, but was " + Json.write(value));
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    public Optional<String> requiredString(String field) {
        if (!json.has(field)) {
            problems.add("'" + field + "' is required");
            return Optional.empty();
        }
        return string(field);
    }

    /** An integer of at least {@code min}. */
    public Optional<Integer> integer(String field, int min) {
        JsonNode value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
            problems.add("'" + field + "' must be an integer of at least " + min + ", but was " + Json.write(value));
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    /** A number of at least {@code min}. */
    public Optional<Double> number(String field, double min) {
        JsonNode value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || value.doubleValue() < min) {
            problems.add("'" + field + "' must be a number of at least " + min + ", but was " + Json.write(value));
            return Optional.empty();
        }
        return Optional.of(value.doubleValue());
    }

    public Optional<Boolean> bool(String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            problems.add("'" + field + "' must be true or false, but was " + Json.write(value));
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    /** A path field; {@code referenceOnly} demands a Reference Path (fields and indices only). */
    public Optional<JsonPath> path(String field, boolean referenceOnly) {
        return string(field).flatMap(text -> parsePath(field, text, referenceOnly));
    }

    private Optional<JsonPath> parsePath(String field, String text, boolean referenceOnly) {
        try {
            JsonPath path = JsonPath.parse(text);
            // ResultPath writes into the input, so it alone may not address the context object.
            boolean contextForbidden = field.equals("ResultPath") && path.isContextPath();
            if (referenceOnly && (!path.isReferencePath() || contextForbidden)) {
                problems.add("'" + field + "' must be a reference path (like $.a.b or $.a[0]), but was '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(path);
        } catch (IllegalArgumentException e) {
            problems.add("'" + field + "' is not a valid path: '" + text + "' (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /**
     * InputPath, OutputPath or ResultPath: absent gives {@code $}, JSON null gives {@code null} (meaning
     * {@code {}} for Input/OutputPath and "discard the result" for ResultPath).
     */
    public JsonPath nullablePath(String field, boolean referenceOnly) {
        JsonNode value = json.get(field);
        if (value == null) {
            return InputOutput.ROOT;
        }
        if (value.isNull()) {
            return null;
        }
        return path(field, referenceOnly).orElse(InputOutput.ROOT);
    }

    /** A payload template field (Parameters, ResultSelector, ItemSelector), which must be an object. */
    public Optional<PayloadTemplate> template(String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            problems.add("'" + field + "' must be an object, but was " + Json.write(value));
            return Optional.empty();
        }
        try {
            return Optional.of(PayloadTemplate.compile(value));
        } catch (IllegalArgumentException e) {
            problems.add("'" + field + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The input and output processing fields a state type supports, with their defaults. */
    public InputOutput inputOutput(boolean parameters, boolean resultSelector, boolean resultPath) {
        return new InputOutput(
                nullablePath("InputPath", false),
                parameters ? template("Parameters").orElse(null) : null,
                resultSelector ? template("ResultSelector").orElse(null) : null,
                resultPath ? nullablePath("ResultPath", true) : InputOutput.ROOT,
                nullablePath("OutputPath", false));
    }
}
