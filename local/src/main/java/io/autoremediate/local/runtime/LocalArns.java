package io.autoremediate.local.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one place {@code local/} builds ARNs, for one region and account: Lambda functions, state machines and
 * executions, in the formats AWS uses (the engine names its executions the same way).
 */
public record LocalArns(String region, String account) {
    /** What demo, replay, execute and the tests run as (the engine's defaults too). */
    public static final LocalArns LOCAL = new LocalArns("local", "000000000000");

    public LocalArns {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
    }

    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}. */
    public String function(String functionName) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName;
    }

    /** {@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME}. */
    public String stateMachine(String name) {
        return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
    }

    /** {@code arn:aws:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME}. */
    public String execution(String stateMachineName, String executionName) {
        return "arn:aws:states:" + region + ":" + account + ":execution:" + stateMachineName + ":" + executionName;
    }

    /** The execution name an execution ARN ends with. */
    public static String executionName(String executionArn) {
        return executionArn.substring(executionArn.lastIndexOf(':') + 1);
    }

    /** Each remediation function's placeholder in the definition, filled with that function's ARN. */
    public Map<String, String> remediationPlaceholders() {
        Map<String, String> arns = new LinkedHashMap<>();
        for (RemediationFunction function : RemediationFunction.values()) {
            arns.put(function.placeholder(), function(function.functionName()));
        }
        return arns;
    }
}
