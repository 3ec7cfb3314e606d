package io.autoremediate.functions.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonTrees;
import java.util.Map;
import java.util.TreeMap;

/**
 * Overrides of the state machine's settings (its defaults live in the definition's first states). Checked
 * before an execution starts, because a wrong type would otherwise fail the execution mid-way.
 */
public final class RemediationSettings {

    /** A whole-number setting: its default (the definition's Prepare state) and the least value it may take. */
    private record WholeNumber(long defaultValue, long least) {
    }

    private static final Map<String, WholeNumber> WHOLE_NUMBERS = new TreeMap<>(Map.ofEntries(
            Map.entry("maxAttempts", new WholeNumber(3, 1)),
            Map.entry("pauseBetweenAttemptsSeconds", new WholeNumber(60, 0)),
            Map.entry("commandTimeoutSeconds", new WholeNumber(600, 1)),
            Map.entry("pollIntervalSeconds", new WholeNumber(5, 1)),
            Map.entry("maxPolls", new WholeNumber(150, 1)),
            Map.entry("recoveryCheckIntervalSeconds", new WholeNumber(30, 0)),
            Map.entry("maxRecoveryChecks", new WholeNumber(6, 1)),
            Map.entry("guardWaitSeconds", new WholeNumber(30, 1)),
            Map.entry("maxGuardWaits", new WholeNumber(40, 0)),
            Map.entry("maxIncidentsPerWindow", new WholeNumber(3, 1)),
            Map.entry("flappingWindowSeconds", new WholeNumber(3600, 1)),
            Map.entry("approvalTimeoutSeconds", new WholeNumber(3600, 1))));
    private static final String DRY_RUN = "dryRun";
    /** Step Functions' Wait states take at most a year; our waits stay far below. */
    static final int MAX_VALUE = 31_536_000;

    private RemediationSettings() {
    }

    /** Returns the overrides as given, or throws naming the first setting that is wrong. */
    public static ObjectNode validated(JsonNode overrides) {
        if (overrides == null || overrides.isNull() || overrides.isMissingNode()) {
            return JsonTrees.object();
        }
        if (!overrides.isObject()) {
            throw new IllegalArgumentException("settings must be a JSON object, e.g. {\"maxAttempts\": 2}");
        }
        overrides.fields().forEachRemaining(field -> check(field.getKey(), field.getValue()));
        ObjectNode checked = (ObjectNode) overrides.deepCopy();
        WaitBudget.check(defaults().setAll(checked));
        return checked;
    }

    /**
     * The defaults the definition's Prepare state sets, for checks that need every setting; deploy-checks
     * holds the two equal.
     */
    public static ObjectNode defaults() {
        ObjectNode defaults = JsonTrees.object();
        WHOLE_NUMBERS.forEach((name, setting) -> defaults.put(name, setting.defaultValue()));
        return defaults.put(DRY_RUN, false);
    }

    private static void check(String name, JsonNode value) {
        if (name.equals(DRY_RUN)) {
            if (!value.isBoolean()) {
                throw new IllegalArgumentException("setting dryRun must be true or false");
            }
            return;
        }
        WholeNumber setting = WHOLE_NUMBERS.get(name);
        if (setting == null) {
            throw new IllegalArgumentException("unknown setting '" + name + "'; known settings: "
                    + WHOLE_NUMBERS.keySet() + " and dryRun");
        }
        if (!value.isIntegralNumber() || value.asLong() < setting.least() || value.asLong() > MAX_VALUE) {
            throw new IllegalArgumentException("setting " + name + " must be a whole number from " + setting.least()
                    + " to " + MAX_VALUE + ", got " + value);
        }
    }
}
