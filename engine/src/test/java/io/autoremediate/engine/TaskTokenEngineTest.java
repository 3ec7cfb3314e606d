package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static io.autoremediate.engine.Workflow.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The callback pattern (Step Functions "Wait for a Callback with Task Token") on the synchronous engine:
 * {@code lambda:invoke.waitForTaskToken} invokes the function with {@code $$.Task.Token} and waits for
 * SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat.
 */
class TaskTokenEngineTest {
    /** The approval gate's shape, as the remediation state machine uses it. */
    static final String APPROVAL = """
            {"StartAt":"Approve","States":{
              "Approve":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:notify",
                  "Payload":{"kind":"APPROVAL_REQUEST","taskToken.$":"$$.Task.Token",
                             "executionId.$":"$$.Execution.Id","context.$":"$"}},
                "TimeoutSeconds":3600, %s
                "Catch":[%s{"ErrorEquals":["Remediation.Denied"],"ResultPath":"$.denial","Next":"Denied"}],
                "ResultPath":"$.approval","Next":"Done"},
              "Denied":{"Type":"Pass","Result":"denied","ResultPath":"$.outcome","End":true},
              "Done":{"Type":"Pass","End":true}}}""";

    private final VirtualClock clock = new VirtualClock();
    private final List<JsonNode> notified = new CopyOnWriteArrayList<>();
    private final FunctionRegistry functions = new FunctionRegistry().bind("notify", payload -> {
        notified.add(payload);
        return json("{\"sent\":true}");
    });

    private ExecutionRuntime engine(Consumer<TaskTokenIssued> onToken, ExecutionRuntime[] self) {
        ExecutionRuntime engine = OneShot.runtime(functions, clock).region("us-east-1")
                .account("123456789012").taskTokenListener(onToken::accept).build();
        self[0] = engine;
        return engine;
    }

    private static StateMachineDefinition approval(String extra) {
        return approval(extra, "");
    }

    private static StateMachineDefinition approval(String extra, String catchers) {
        return StateMachineDefinition.parse(APPROVAL.formatted(extra, catchers));
    }

    private static ExecutionRequest request() {
        return new ExecutionRequest("remediation", "incident-1", json("{\"instance\":\"i-0123456789abcdef0\"}"));
    }

    @Test
    void sendTaskSuccessFromTheListenerMakesTheOutputTheTaskResult() {
        ExecutionRuntime[] engine = new ExecutionRuntime[1];
        List<TaskTokenIssued> issued = new CopyOnWriteArrayList<>();
        ExecutionResult result = engine(token -> {
            issued.add(token);
            engine[0].sendTaskSuccess(token.taskToken(), json("{\"approved\":true,\"by\":\"ops\"}"));
        }, engine).execute(approval(""), request(), null);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().get("approval")).isEqualTo(json("{\"approved\":true,\"by\":\"ops\"}"));
        assertThat(issued).singleElement().satisfies(token -> {
            assertThat(token.stateName()).isEqualTo("Approve");
            assertThat(token.executionArn()).isEqualTo(result.executionArn());
        });
        JsonNode payload = notified.get(0);
        assertThat(payload.get("kind").asText()).isEqualTo("APPROVAL_REQUEST");
        assertThat(payload.get("taskToken").asText()).isEqualTo(issued.get(0).taskToken());
        assertThat(payload.get("executionId").asText()).isEqualTo(result.executionArn());
        assertThat(payload.get("context")).isEqualTo(request().input());
        assertThat(types(result)).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled",
                "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "PassStateEntered",
                "PassStateExited", "ExecutionSucceeded");
        HistoryEvent scheduled = result.history().get(2);
        assertThat(scheduled.details().get("resource").asText()).isEqualTo("invoke.waitForTaskToken");
        assertThat(scheduled.details().get("timeoutInSeconds").asLong()).isEqualTo(3600);
        HistoryEvent submitted = result.history().get(4);
        assertThat(json(submitted.details().get("output").asText()).get("Payload"))
                .isEqualTo(json("{\"sent\":true}"));
    }

    @Test
    void tokensAreUniquePerAttempt() {
        ExecutionRuntime[] engine = new ExecutionRuntime[1];
        List<String> tokens = new CopyOnWriteArrayList<>();
        ExecutionResult result = engine(token -> {
            tokens.add(token.taskToken());
            if (tokens.size() == 1) {
                engine[0].sendTaskFailure(token.taskToken(), "Notify.Busy", "try again");
            } else {
                engine[0].sendTaskSuccess(token.taskToken(), json("\"ok\""));
            }
        }, engine).execute(approval("""
                "Retry":[{"ErrorEquals":["Notify.Busy"],"IntervalSeconds":1}],"""), request(), null);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
        assertThat(tokens.get(0).length()).isLessThanOrEqualTo(1024);
    }

    @Test
    void sendTaskFailureFailsTheTaskAndCatchApplies() {
        ExecutionRuntime[] engine = new ExecutionRuntime[1];
        ExecutionResult result = engine(token -> engine[0].sendTaskFailure(token.taskToken(), "Remediation.Denied",
                "not during the sale"), engine).execute(approval(""),
                request(), null);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().get("denial")).isEqualTo(
                json("{\"Error\":\"Remediation.Denied\",\"Cause\":\"not during the sale\"}"));
        HistoryEvent failed = result.history().stream().filter(e -> e.type().equals("TaskFailed")).findFirst()
                .orElseThrow();
        assertThat(failed.details().get("error").asText()).isEqualTo("Remediation.Denied");
        assertThat(failed.details().get("cause").asText()).isEqualTo("not during the sale");
    }

    @Test
    void unansweredTokenTimesOutOnTheVirtualClockAtOnce() {
        ExecutionRuntime[] engine = new ExecutionRuntime[1];
        ExecutionResult result = engine(token -> { }, engine).execute(approval(""), request(), null);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(types(result)).contains("TaskSubmitted", "TaskTimedOut");
        assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(3600));
    }

    @Test
    void missingHeartbeatFailsWithHeartbeatTimeoutWhichTaskFailedMatches() {
        ExecutionRuntime[] engine = new ExecutionRuntime[1];
        ExecutionResult result = engine(token -> { }, engine).execute(approval("\"HeartbeatSeconds\":60,",
                "{\"ErrorEquals\":[\"States.TaskFailed\"],\"Next\":\"Denied\"},"),
                request(), null);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().get("Error").asText()).isEqualTo("States.HeartbeatTimeout");
        assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(60));
        HistoryEvent timedOut = result.history().stream().filter(e -> e.type().equals("TaskTimedOut"))
                .findFirst().orElseThrow();
        assertThat(timedOut.details().get("error").asText()).isEqualTo("States.HeartbeatTimeout");
    }

    @Test
    void anAnswerFromAnotherThreadEndsAWaitWithoutTimeout() throws Exception {
        CompletableFuture<TaskTokenIssued> issued = new CompletableFuture<>();
        ExecutionRuntime[] engine = new ExecutionRuntime[1];
        engine(issued::complete, engine);
        String noTimeout = APPROVAL.replace("\"TimeoutSeconds\":3600,", "").formatted("", "");
        CompletableFuture<ExecutionResult> running = CompletableFuture.supplyAsync(() ->
                engine[0].execute(StateMachineDefinition.parse(noTimeout), request(), null));

        String token = issued.get(10, TimeUnit.SECONDS).taskToken();
        engine[0].sendTaskHeartbeat(token);
        engine[0].sendTaskSuccess(token, json("{\"approved\":true}"));
        ExecutionResult result = running.get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().get("approval")).isEqualTo(json("{\"approved\":true}"));
        assertThatThrownBy(() -> engine[0].sendTaskSuccess(token, json("{}")))
                .isInstanceOf(TaskDoesNotExistException.class)
                .extracting(e -> ((TaskTokenException) e).errorCode()).isEqualTo("TaskDoesNotExist");
    }

    @Test
    void theFunctionItselfMayAnswerBeforeItReturns() {
        ExecutionRuntime[] engine = new ExecutionRuntime[1];
        functions.bind("notify", payload -> {
            engine[0].sendTaskSuccess(payload.get("taskToken").asText(), json("\"answered in the call\""));
            return json("{}");
        });
        ExecutionResult result = engine(token -> { }, engine).execute(approval(""), request(), null);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().get("approval").asText()).isEqualTo("answered in the call");
    }

    @Test
    void answersToUnknownOrMalformedTokensAreRefusedByName() {
        ExecutionRuntime[] engine = new ExecutionRuntime[1];
        String[] issued = new String[1];
        engine(token -> issued[0] = token.taskToken(), engine).execute(approval(""), request(), null);

        assertThatThrownBy(() -> engine[0].sendTaskSuccess("not-a-token", json("{}")))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("not-a-token");
        assertThatThrownBy(() -> engine[0].sendTaskFailure(issued[0], "E", "c"))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> engine[0].sendTaskHeartbeat(issued[0].substring(0, 20)))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aTaskTokenWaitInsideAParallelBranchLetsTheOtherBranchGoOn() {
        ExecutionRuntime[] engine = new ExecutionRuntime[1];
        String definition = """
                {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Nap","States":{"Nap":{"Type":"Wait","Seconds":30,"End":true}}},
                  {"StartAt":"Ask","States":{"Ask":{"Type":"Task",
                    "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","TimeoutSeconds":120,
                    "Parameters":{"FunctionName":"notify","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}]}}}""";
        ExecutionResult result = engine(token -> engine[0].sendTaskSuccess(token.taskToken(), json("7")), engine)
                .execute(StateMachineDefinition.parse(definition), request(), null);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().get(1).asInt()).isEqualTo(7);
        assertThat(clock.now()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(30));
        assertThat(Duration.between(VirtualClock.DEFAULT_START, clock.now())).isLessThan(Duration.ofMinutes(2));
    }
}
