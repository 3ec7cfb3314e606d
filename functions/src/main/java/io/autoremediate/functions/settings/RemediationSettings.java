package io.autoremediate.functions.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * Overrides of the state machine's settings (its defaults live in the definition's first states). Checked
 * before an execution starts, because a wrong type would otherwise fail the execution mid-way.
 */
public final class RemediationSettings {

    /** Each setting with the least value it may take. */
    private static final Map<String, Integer> WHOLE_NUMBERS = new TreeMap<>(Map.ofEntries(
            Map.entry("maxAttempts", 1),
            Map.entry("pauseBetweenAttemptsSeconds", 0),
            Map.entry("commandTimeoutSeconds", 1),
            Map.entry("pollIntervalSeconds", 1),
            Map.entry("maxPolls", 1),
            Map.entry("recoveryCheckIntervalSeconds", 0),
            Map.entry("maxRecoveryChecks", 1),
            Map.entry("guardWaitSeconds", 1),
            Map.entry("maxGuardWaits", 0),
            Map.entry("maxIncidentsPerWindow", 1),
            Map.entry("flappingWindowSeconds", 1),
            Map.entry("approvalTimeoutSeconds", 1)));
    private static final Map<String, Object> DEFAULTS = new TreeMap<>(Map.ofEntries(
            Map.entry("maxAttempts", 3),
            Map.entry("pauseBetweenAttemptsSeconds", 60),
            Map.entry("commandTimeoutSeconds", 600),
            Map.entry("pollIntervalSeconds", 5),
            Map.entry("maxPolls", 150),
            Map.entry("recoveryCheckIntervalSeconds", 30),
            Map.entry("maxRecoveryChecks", 6),
            Map.entry("guardWaitSeconds", 30),
            Map.entry("maxGuardWaits", 40),
            Map.entry("maxIncidentsPerWindow", 3),
            Map.entry("flappingWindowSeconds", 3600),
            Map.entry("approvalTimeoutSeconds", 3600),
            Map.entry("dryRun", false)));
    private static final String DRY_RUN = "dryRun";
    /** Step Functions' Wait states take at most a year; our waits stay far below. */
    static final int MAX_VALUE = 31_536_000;

    private RemediationSettings() {
    }

    /** Returns the overrides as given, or throws naming the first setting that is wrong. */
    public static ObjectNode validated(JsonNode overrides) {
        if (overrides == null || overrides.isNull() || overrides.isMissingNode()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!overrides.isObject()) {
            throw new IllegalArgumentException("settings must be a JSON object, e.g. {\"maxAttempts\": 2}");
        }
        overrides.fields().forEachRemaining(field -> check(field.getKey(), field.getValue()));
        WaitBudget.check(defaults().setAll((ObjectNode) overrides.deepCopy()));
        return (ObjectNode) overrides.deepCopy();
    }

    /**
     * The defaults the definition's Prepare state sets, for checks that need every setting; deploy-checks
     * holds the two equal.
     */
    public static ObjectNode defaults() {
        ObjectNode defaults = Json.MAPPER.createObjectNode();
        DEFAULTS.forEach((name, value) -> {
            if (value instanceof Boolean flag) {
                defaults.put(name, flag);
            } else {
                defaults.put(name, ((Number) value).longValue());
            }
        });
        return defaults;
    }

    private static void check(String name, JsonNode value) {
        if (name.equals(DRY_RUN)) {
            if (!value.isBoolean()) {
                throw new IllegalArgumentException("setting dryRun must be true or false");
            }
            return;
        }
        Integer least = WHOLE_NUMBERS.get(name);
        if (least == null) {
            throw new IllegalArgumentException("unknown setting '" + name + "'; known settings: " + WHOLE_NUMBERS.keySet()
                    + " and dryRun");
        }
        if (!value.isIntegralNumber() || value.asLong() < least || value.asLong() > MAX_VALUE) {
            throw new IllegalArgumentException("setting " + name + " must be a whole number from " + least + " to "
                    + MAX_VALUE + ", got " + value);
        }
    }
}
