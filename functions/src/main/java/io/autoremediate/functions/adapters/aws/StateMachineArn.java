package io.autoremediate.functions.adapters.aws;

import java.util.Objects;

/**
 * A Step Functions state machine ARN, {@code arn:PARTITION:states:REGION:ACCOUNT:stateMachine:NAME} (a version
 * or alias ARN adds {@code :QUALIFIER}), and the ARN an execution of it gets:
 * {@code arn:PARTITION:states:REGION:ACCOUNT:execution:NAME:EXECUTION}.
 */
record StateMachineArn(String arn, String partition, String region, String account, String name) {

    StateMachineArn {
        Objects.requireNonNull(arn, "arn");
    }

    static StateMachineArn parse(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", -1);
        if (parts.length < 7 || parts.length > 8 || !"arn".equals(parts[0]) || !"states".equals(parts[2])
                || !"stateMachine".equals(parts[5]) || parts[3].isEmpty() || parts[4].isEmpty()
                || parts[6].isEmpty()) {
            throw new IllegalArgumentException("'" + arn + "' is not a Step Functions state machine ARN "
                    + "(arn:aws:states:REGION:ACCOUNT:stateMachine:NAME); check STATE_MACHINE_ARN");
        }
        return new StateMachineArn(arn, parts[1], parts[3], parts[4], parts[6]);
    }

    /** What StartExecution would answer for that name; used when it answers ExecutionAlreadyExists instead. */
    String executionArn(String executionName) {
        return "arn:" + partition + ":states:" + region + ":" + account + ":execution:" + name + ":" + executionName;
    }

    @Override
    public String toString() {
        return arn;
    }
}
