package io.autoremediate.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.StateMachineDefinition;
import java.util.Objects;

/**
 * Everything needed to start one execution, as StartExecution resolved it.
 *
 * @param inputText the input exactly as given, which DescribeExecution returns and idempotency compares
 */
public record ExecutionStart(String executionArn, String name, String stateMachineArn, String stateMachineName,
                             StateMachineDefinition definition, String roleArn, String inputText, JsonNode input) {
    public ExecutionStart {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(stateMachineName, "stateMachineName");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(inputText, "inputText");
        Objects.requireNonNull(input, "input");
    }
}
