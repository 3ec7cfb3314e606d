package io.autoremediate.local.sfn.operations;

import io.autoremediate.local.arn.LocalArns;
import io.autoremediate.local.sfn.protocol.SfnException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARNs this server accepts, in Step Functions' formats ({@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME}
 * and {@code arn:aws:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME}); those it hands out are built by
 * {@link LocalArns}.
 */
public record Arns(LocalArns built) {
    private static final Pattern STATE_MACHINE =
            Pattern.compile("arn:aws[a-z-]*:states:([^:]*):([^:]*):stateMachine:([^:]+)");
    private static final Pattern EXECUTION =
            Pattern.compile("arn:aws[a-z-]*:states:([^:]*):([^:]*):execution:([^:]+):([^:]+)");
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    public String stateMachine(String name) {
        return built.stateMachine(name);
    }

    public String execution(String stateMachineName, String executionName) {
        return built.execution(stateMachineName, executionName);
    }

    /**
     * The state machine name in a well-formed ARN, or empty when it belongs to another region or account
     * (so it cannot exist here).
     *
     * @throws SfnException InvalidArn when it is not a state machine ARN
     */
    public Optional<String> stateMachineName(String arn) {
        Matcher matcher = STATE_MACHINE.matcher(arn);
        if (!matcher.matches()) {
            throw invalid(arn, "a state machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME)");
        }
        return here(matcher) ? Optional.of(matcher.group(3)) : Optional.empty();
    }

    /** Refuses what is not an execution ARN; the ARN itself is the key executions are kept under. */
    public void requireExecution(String arn) {
        if (!EXECUTION.matcher(arn).matches()) {
            throw invalid(arn, "an execution ARN (arn:aws:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME)");
        }
    }

    /** Step Functions checks that roleArn is an IAM role ARN; it does not need the role to exist here. */
    public static void requireRole(String arn) {
        if (!ROLE.matcher(arn).matches()) {
            throw invalid(arn, "an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
        }
    }

    private boolean here(Matcher matcher) {
        return matcher.group(1).equals(built.region()) && matcher.group(2).equals(built.account());
    }

    private static SfnException invalid(String arn, String expected) {
        return new SfnException("InvalidArn", "Invalid Arn: '" + arn + "' is not " + expected);
    }
}
