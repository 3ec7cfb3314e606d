package io.autoremediate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What StartExecution takes: the state machine's name, an execution name ({@code null} for a generated
 * one) and the input ({@code null} for {@code {}}). Names follow the Step Functions naming rules.
 */
public record ExecutionRequest(String stateMachineName, String executionName, JsonNode input) {
    /** 1 to 80 characters without whitespace, wildcards, brackets or the special characters AWS forbids. */
    private static final Pattern NAME = Pattern.compile("[^\\s?*<>{}\\[\\]:;,\\\\|^~$#%&`\"/\\p{Cntrl}]{1,80}");

    public ExecutionRequest {
        Objects.requireNonNull(stateMachineName, "stateMachineName");
        requireValidName("state machine name", stateMachineName);
        if (executionName != null) {
            requireValidName("execution name", executionName);
        }
        input = input == null ? Json.object() : input.deepCopy();
    }

    /**
     * Step Functions' rule for state machine and execution names, the one this project keeps.
     *
     * @param what what the name names, for the message ("execution name")
     * @throws IllegalArgumentException naming the rule
     */
    public static void requireValidName(String what, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " '" + name + "': use 1 to 80 characters "
                    + "without whitespace, ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & ` \" / or control characters");
        }
    }
}
