package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static io.autoremediate.engine.Workflow.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateMachineEngineTest {

    private static final String ONE_TASK = """
            {"StartAt":"Check","States":{"Check":{"Type":"Task",
              "Resource":"arn:aws:lambda:us-east-1:123456789012:function:check-alarm","End":true}}}""";

    @Test
    void taskWorkflowRecordsTheHistoryStepFunctionsRecords() {
        Workflow flow = Workflow.of(ONE_TASK).bind("check-alarm", payload -> json("{\"state\":\"OK\"}"));

        ExecutionResult result = flow.run("{\"alarm\":\"a\"}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(json("{\"state\":\"OK\"}"));
        assertThat(types(result)).containsExactly("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled",
                "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded");
        HistoryEvent scheduled = result.history().get(2);
        assertThat(scheduled.toJson().get("lambdaFunctionScheduledEventDetails").get("resource").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:check-alarm");
        assertThat(scheduled.toJson().get("lambdaFunctionScheduledEventDetails").get("input").asText())
                .isEqualTo("{\"alarm\":\"a\"}");
        assertThat(result.history().get(1).toJson().get("stateEnteredEventDetails").get("name").asText())
                .isEqualTo("Check");
        assertThat(result.history().get(6).toJson().get("executionSucceededEventDetails").get("output").asText())
                .isEqualTo("{\"state\":\"OK\"}");
        assertThat(result.history()).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(result.history().get(0).previousEventId()).isZero();
    }

    @Test
    void listenerSeesEveryEventInOrderAsItIsAppended() {
        Workflow flow = Workflow.of(ONE_TASK).bind("check-alarm", payload -> payload);

        ExecutionResult result = flow.run("{}");

        assertThat(flow.heard).isEqualTo(result.history());
    }

    @Test
    void arnsUseTheEngineRegionAndAccount() {
        ExecutionResult result = Workflow.of(ONE_TASK).bind("check-alarm", p -> p).run("{}");

        assertThat(result.executionArn())
                .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:remediation:exec-1");
    }

    @Test
    void defaultsToRegionLocalAndAccountOfZeros() {
        FunctionRegistry functions = new FunctionRegistry().bind("check-alarm", p -> p);
        ExecutionResult result = OneShot.execute(functions, new VirtualClock(), 
                StateMachineDefinition.parse(ONE_TASK), new ExecutionRequest("sm", "e", null), ExecutionListener.NONE);

        assertThat(result.executionArn()).isEqualTo("arn:aws:states:local:000000000000:execution:sm:e");
    }

    @Test
    void unboundFunctionIsRefusedBeforeAnythingRuns() {
        Workflow flow = Workflow.of(ONE_TASK);

        assertThatThrownBy(() -> flow.run("{}"))
                .isInstanceOf(UnboundFunctionException.class)
                .hasMessageContaining("State 'Check'")
                .hasMessageContaining("function 'check-alarm' is not bound");
        assertThat(flow.heard).isEmpty();
    }

    @Test
    void unboundFunctionsCanBeListedWithoutRunning() {
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"StartAt":"A","States":{
                  "A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:one:live","Next":"B"},
                  "B":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                       "Parameters":{"FunctionName":"123456789012:function:two","Payload.$":"$"},"Next":"C"},
                  "C":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}""");
        FunctionRegistry functions = new FunctionRegistry().bind("one", p -> p);

        assertThat(definition.unboundFunctions(functions)).containsExactly(
                "State 'B': function 'two' is not bound (bound: [one])",
                "State 'C': resource 'arn:aws:states:::sqs:sendMessage' is not a Lambda function; this engine runs "
                        + "only Lambda ARNs, arn:aws:states:::lambda:invoke and "
                        + "arn:aws:states:::lambda:invoke.waitForTaskToken");
    }

    @Test
    void functionErrorFailsTheExecutionWithItsTypeAndCause() {
        ExecutionResult result = Workflow.of(ONE_TASK)
                .bind("check-alarm", p -> {
                    throw new FunctionErrorException("AlarmNotFound", "no alarm 'x'");
                }).run("{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("AlarmNotFound");
        assertThat(result.cause()).isEqualTo("{\"errorType\":\"AlarmNotFound\",\"errorMessage\":\"no alarm 'x'\"}");
        assertThat(result.output()).isNull();
        assertThat(types(result)).endsWith("LambdaFunctionFailed", "ExecutionFailed");
    }

    @Test
    void unexpectedExceptionFailsWithItsClassNameAsTheJavaRuntimeReportsIt() {
        ExecutionResult result = Workflow.of(ONE_TASK)
                .bind("check-alarm", p -> {
                    throw new IllegalStateException("boom");
                }).run("{}");

        assertThat(result.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(result.cause())
                .isEqualTo("{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}");
    }

    @Test
    void lambdaInvokeWrapsTheOutputAsStepFunctionsDoes() {
        ExecutionResult result = Workflow.of("""
                {"StartAt":"Check","States":{"Check":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"check-alarm:live","Payload":{"alarm.$":"$.alarm"}},"End":true}}}""")
                .bind("check-alarm", p -> json("{\"seen\":" + p + "}"))
                .run("{\"alarm\":\"cpu\"}");

        assertThat(result.output().get("Payload")).isEqualTo(json("{\"seen\":{\"alarm\":\"cpu\"}}"));
        assertThat(result.output().get("StatusCode").asInt()).isEqualTo(200);
        assertThat(result.output().get("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(result.output().get("SdkHttpMetadata").get("HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(result.output().get("SdkHttpMetadata").get("HttpHeaders").get("x-amzn-RequestId").asText())
                .isEqualTo(result.output().get("SdkResponseMetadata").get("RequestId").asText());
        assertThat(types(result)).containsSequence("TaskStateEntered", "TaskScheduled", "TaskStarted",
                "TaskSucceeded", "TaskStateExited");
        assertThat(result.history().get(2).toJson().get("taskScheduledEventDetails").get("resourceType").asText())
                .isEqualTo("lambda");
    }

    @Test
    void lambdaInvokeFailureRecordsTaskFailed() {
        ExecutionResult result = Workflow.of("""
                {"StartAt":"Check","States":{"Check":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:check"},"End":true}}}""")
                .bind("check", p -> {
                    throw new FunctionErrorException("Boom", "bad");
                }).run("{}");

        assertThat(result.error()).isEqualTo("Boom");
        assertThat(types(result)).endsWith("TaskFailed", "ExecutionFailed");
    }

    @Test
    void taskLongerThanTimeoutSecondsFailsWithStatesTimeout() {
        Workflow flow = Workflow.of("""
                {"StartAt":"Slow","States":{"Slow":{"Type":"Task","TimeoutSeconds":30,
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:slow","End":true}}}""");
        flow.bind("slow", p -> {
            flow.clock.advance(Duration.ofSeconds(31));
            return p;
        });

        ExecutionResult result = flow.run("{}");

        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(types(result)).endsWith("LambdaFunctionTimedOut", "ExecutionFailed");
    }

    @Test
    void executionLongerThanItsTimeoutSecondsTimesOut() {
        ExecutionResult result = Workflow.of("""
                {"TimeoutSeconds":60,"StartAt":"Nap","States":{"Nap":{"Type":"Wait","Seconds":3600,"End":true}}}""")
                .run("{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(Duration.between(result.startDate(), result.stopDate())).isEqualTo(Duration.ofSeconds(60));
        assertThat(types(result)).endsWith("WaitStateEntered", "ExecutionTimedOut");
    }

    @Test
    void historyQuotaFailsTheExecutionWithStatesRuntime() {
        ExecutionResult result = Workflow.of("""
                {"StartAt":"Loop","States":{"Loop":{"Type":"Pass","Next":"Loop"}}}""")
                .historyLimit(100).run("{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).isEqualTo("The execution reached the maximum number of history events (100).");
        assertThat(result.history()).hasSize(100);
        assertThat(result.history().get(99).type()).isEqualTo("ExecutionFailed");
    }

    @Test
    void executionThatEndsOnTheLastAllowedEventSucceeds() {
        // ExecutionStarted, PassStateEntered, PassStateExited, ExecutionSucceeded: 4 events.
        ExecutionResult result = Workflow.of("""
                {"StartAt":"Only","States":{"Only":{"Type":"Pass","End":true}}}""").historyLimit(4).run("{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void generatedExecutionNameComesFromTheRandomSource() {
        FunctionRegistry functions = new FunctionRegistry();
        String definition = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
        ExecutionRuntime.Builder engine = OneShot.runtime(functions, new VirtualClock())
                .random(new java.util.Random(7));

        ExecutionResult first = OneShot.execute(engine, StateMachineDefinition.parse(definition),
                new ExecutionRequest("sm", null, null), ExecutionListener.NONE);

        assertThat(first.executionArn()).matches("arn:aws:states:local:000000000000:execution:sm:[0-9a-f-]{36}");
    }

    @Test
    void invalidExecutionNamesAreRejected() {
        assertThatThrownBy(() -> new ExecutionRequest("sm", "has space", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'has space'");
    }
}
