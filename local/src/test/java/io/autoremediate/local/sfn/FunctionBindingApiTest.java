package io.autoremediate.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Task resources bind by function name: {@code NAME=EXECUTABLE} bindings run as processes; a name nothing
 * binds is accepted at create and fails its Task with Lambda.ResourceNotFoundException, as in Step Functions.
 */
class FunctionBindingApiTest {
    static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
    static final Duration SHORT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    SfnHarness harness;

    @BeforeEach
    void start() throws IOException {
        Path echo = SfnHarness.script(dir, "echo.sh", "read -r payload; printf '{\"echoed\": %s}' \"$payload\"");
        Path refuse = SfnHarness.script(dir, "refuse.sh",
                "cat >/dev/null; echo '{\"errorType\": \"Custom.Refused\", \"errorMessage\": \"no\"}'; exit 1");
        harness = new SfnHarness(dir, dir, Map.of("echo", echo, "refuse", refuse));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private DescribeExecutionResponse run(String definition, String input) throws InterruptedException {
        String machine = harness.createStateMachine("m" + Math.abs(definition.hashCode()), definition);
        String arn = harness.sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
        return harness.awaitEnd(arn, SHORT);
    }

    @Test
    void executableFunctionsRunForLambdaArnsAndForLambdaInvoke() throws Exception {
        String definition = """
                {"StartAt": "Direct", "States": {
                  "Direct": {"Type": "Task", "Resource": "%1$secho", "Next": "Invoke"},
                  "Invoke": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                             "Parameters": {"FunctionName": "%1$secho:live", "Payload.$": "$"},
                             "OutputPath": "$.Payload", "End": true}}}""".formatted(LAMBDA);

        DescribeExecutionResponse ended = run(definition, "{\"n\": 1}");

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output()).isEqualTo("{\"echoed\":{\"echoed\":{\"n\":1}}}");
    }

    @Test
    void executableThatReportsAnErrorFailsTheExecutionWithItsErrorType() throws Exception {
        String definition = """
                {"StartAt": "Refuse", "States": {"Refuse": {"Type": "Task", "Resource": "%srefuse", "End": true}}}"""
                .formatted(LAMBDA);

        DescribeExecutionResponse ended = run(definition, "{}");

        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).isEqualTo("Custom.Refused");
        assertThat(ended.cause()).contains("\"errorMessage\": \"no\"");
    }

    @Test
    void unboundFunctionIsAcceptedAtCreateAndFailsItsTaskWithLambdaResourceNotFound() throws Exception {
        String definition = """
                {"StartAt": "Missing", "States": {"Missing": {"Type": "Task", "Resource": "%snot-deployed",
                  "End": true}}}""".formatted(LAMBDA);

        DescribeExecutionResponse ended = run(definition, "{}");

        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(ended.cause()).contains("Function not found: " + LAMBDA + "not-deployed");
        assertThat(harness.sfn.getExecutionHistory(r -> r.executionArn(ended.executionArn())).events())
                .extracting(HistoryEvent::type).contains(HistoryEventType.LAMBDA_FUNCTION_FAILED,
                        HistoryEventType.EXECUTION_FAILED);
    }

    @Test
    void missingFunctionErrorCanBeCaughtLikeAnyTaskError() throws Exception {
        String definition = """
                {"StartAt": "Missing", "States": {
                  "Missing": {"Type": "Task", "Resource": "%snot-deployed", "End": true,
                    "Catch": [{"ErrorEquals": ["Lambda.ResourceNotFoundException"], "ResultPath": "$.failure",
                               "Next": "Fallback"}]},
                  "Fallback": {"Type": "Pass", "End": true}}}""".formatted(LAMBDA);

        DescribeExecutionResponse ended = run(definition, "{}");

        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output()).contains("Lambda.ResourceNotFoundException");
    }
}
