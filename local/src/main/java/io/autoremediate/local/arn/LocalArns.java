package io.autoremediate.local.arn;

import java.util.Objects;

/**
 * The one place {@code local/} builds ARNs, for one region and account: Lambda functions, state machines,
 * executions and CloudWatch alarms, in the formats AWS uses (the engine names its executions the same way).
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

    /** {@code arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME}. */
    public String alarm(String alarmName) {
        return "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + alarmName;
    }

    /** The execution name an execution ARN ends with. */
    public static String executionName(String executionArn) {
        return executionArn.substring(executionArn.lastIndexOf(':') + 1);
    }
}
