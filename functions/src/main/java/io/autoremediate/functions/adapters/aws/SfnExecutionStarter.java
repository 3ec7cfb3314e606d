package io.autoremediate.functions.adapters.aws;

import io.autoremediate.functions.intake.ExecutionStarter;
import io.autoremediate.functions.intake.StartedExecution;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts remediation executions with Step Functions StartExecution under the name the intake chose, so a
 * duplicate alarm event starts nothing new.
 *
 * <p>Step Functions has two answers for a name it has seen (StartExecution API reference): while that
 * execution runs and the input is identical, it answers 200 with the same ARN and start date as the first
 * call, which cannot be told apart from a fresh start, so it is reported as started (nothing new runs either
 * way); with other input, or once that execution has ended, it answers {@code ExecutionAlreadyExists}, which
 * is reported as a duplicate.
 */
public final class SfnExecutionStarter implements ExecutionStarter {

    private static final String PERMISSION = "states:StartExecution";

    private final SfnClient sfn;
    private final StateMachineArn stateMachine;

    public SfnExecutionStarter(SfnClient sfn, String stateMachineArn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.stateMachine = StateMachineArn.parse(stateMachineArn);
    }

    @Override
    public StartedExecution start(String executionName, String inputJson) {
        Objects.requireNonNull(executionName, "executionName");
        try {
            String arn = sfn.startExecution(b -> b.stateMachineArn(stateMachine.arn())
                    .name(executionName)
                    .input(inputJson)).executionArn();
            return new StartedExecution(executionName, arn, false);
        } catch (ExecutionAlreadyExistsException e) {
            return new StartedExecution(executionName, stateMachine.executionArn(executionName), true);
        } catch (SdkException e) {
            throw AwsFailures.translate(call(executionName), e);
        }
    }

    private AwsCall call(String executionName) {
        return AwsCall.of("Step Functions", "StartExecution",
                        "state machine " + stateMachine + " (execution '" + executionName + "')", PERMISSION)
                .withHint("StateMachineDoesNotExist", "the state machine does not exist (or is in another region "
                        + "or account); check STATE_MACHINE_ARN")
                .withHint("StateMachineDeleting", "the state machine is being deleted; check STATE_MACHINE_ARN "
                        + "and the deployment")
                .withHint("InvalidArn", "check STATE_MACHINE_ARN")
                .withHint("InvalidName", "the execution name breaks Step Functions' naming rules (1-80 "
                        + "characters, no whitespace or < > { } [ ] ? * \" # % \\ ^ | ~ ` $ & , ; : /); check how "
                        + "the intake builds it")
                .withHint("InvalidExecutionInput", "the input must be a JSON document of at most 256 KiB; check "
                        + "the size of the alarm event and settings");
    }
}
