package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import io.autoremediate.engine.internal.json.Scope;

/**
 * A Distributed Map's failure threshold as the definition declares it: ToleratedFailureCount or
 * ToleratedFailureCountPath, ToleratedFailurePercentage or ToleratedFailurePercentagePath (AWS Step Functions
 * Developer Guide, "Tolerated failure threshold for Distributed Map state",
 * https://docs.aws.amazon.com/step-functions/latest/dg/maprun-fail-threshold.html). The Path forms are read
 * from the Map's effective input when the Map starts.
 */
public final class FailureTolerance {
    static final String COUNT = "ToleratedFailureCount";
    static final String COUNT_PATH = "ToleratedFailureCountPath";
    static final String PERCENTAGE = "ToleratedFailurePercentage";
    static final String PERCENTAGE_PATH = "ToleratedFailurePercentagePath";
    private static final double MAX_PERCENTAGE = 100;

    /** Nothing declared: the first failed iteration fails the Map (a threshold of 0). */
    static final FailureTolerance NONE = new FailureTolerance(null, null, null, null);

    private final Long count;
    private final JsonPath countPath;
    private final Double percentage;
    private final JsonPath percentagePath;

    private FailureTolerance(Long count, JsonPath countPath, Double percentage, JsonPath percentagePath) {
        this.count = count;
        this.countPath = countPath;
        this.percentage = percentage;
        this.percentagePath = percentagePath;
    }

    static FailureTolerance parse(FieldReader r) {
        if (r.has(COUNT) && r.has(COUNT_PATH)) {
            r.problem("'" + COUNT + "' and '" + COUNT_PATH + "' are mutually exclusive");
        }
        if (r.has(PERCENTAGE) && r.has(PERCENTAGE_PATH)) {
            r.problem("'" + PERCENTAGE + "' and '" + PERCENTAGE_PATH + "' are mutually exclusive");
        }
        Long count = r.integer(COUNT, 0).map(Integer::longValue).orElse(null);
        Double percentage = r.number(PERCENTAGE, 0).orElse(null);
        if (percentage != null && percentage > MAX_PERCENTAGE) {
            r.problem("'" + PERCENTAGE + "' must be a number from 0 to 100, but was "
                    + Json.write(r.json().get(PERCENTAGE)));
        }
        return new FailureTolerance(count, r.path(COUNT_PATH, true).orElse(null), percentage,
                r.path(PERCENTAGE_PATH, true).orElse(null));
    }

    /**
     * The threshold for one run of the Map, its Path values read from {@code scope}'s input.
     *
     * @throws RuntimeFailure if a Path matches nothing or a value that is not a valid count or percentage
     */
    FailureThreshold resolve(Scope scope) {
        Long resolvedCount = count;
        if (countPath != null) {
            JsonNode value = read(countPath, COUNT_PATH, scope);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new RuntimeFailure("The " + COUNT_PATH + " field refers to value \"" + text(value)
                        + "\" which is not a valid integer: " + countPath.text());
            }
            if (value.longValue() < 0) {
                throw new RuntimeFailure(COUNT + " cannot be negative, but " + COUNT_PATH + " '"
                        + countPath.text() + "' refers to " + value.longValue());
            }
            resolvedCount = value.longValue();
        }
        Double resolvedPercentage = percentage;
        if (percentagePath != null) {
            JsonNode value = read(percentagePath, PERCENTAGE_PATH, scope);
            if (!value.isNumber()) {
                throw new RuntimeFailure("The " + PERCENTAGE_PATH + " field refers to value \"" + text(value)
                        + "\" which is not a valid float: " + percentagePath.text());
            }
            if (value.doubleValue() < 0 || value.doubleValue() > MAX_PERCENTAGE) {
                throw new RuntimeFailure(PERCENTAGE + " must be between 0 and 100, but " + PERCENTAGE_PATH + " '"
                        + percentagePath.text() + "' refers to " + Json.write(value));
            }
            resolvedPercentage = value.doubleValue();
        }
        return new FailureThreshold(resolvedCount, resolvedPercentage);
    }

    private static JsonNode read(JsonPath path, String field, Scope scope) {
        return path.read(scope.rootFor(path)).orElseThrow(() -> new RuntimeFailure("Invalid path '" + path.text()
                + "' : No results for path: " + path.bracketNotation() + " (" + field + ")"));
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : Json.write(value);
    }
}
