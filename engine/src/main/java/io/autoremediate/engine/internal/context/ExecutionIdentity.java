package io.autoremediate.engine.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/** The fixed facts of one execution, which the context object's Execution and StateMachine objects show. */
public record ExecutionIdentity(String executionArn, String executionName, String stateMachineArn,
                                String stateMachineName, JsonNode input, Instant startTime, String roleArn) {
    public ExecutionIdentity {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(executionName, "executionName");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(stateMachineName, "stateMachineName");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(roleArn, "roleArn");
    }

    /** {@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME}. */
    public static String stateMachineArn(String region, String account, String stateMachineName) {
        return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + stateMachineName;
    }

    /** {@code arn:aws:states:REGION:ACCOUNT:execution:SM_NAME:EXEC_NAME}. */
    public static String executionArn(String region, String account, String stateMachineName, String name) {
        return "arn:aws:states:" + region + ":" + account + ":execution:" + stateMachineName + ":" + name;
    }
}
