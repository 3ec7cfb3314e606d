package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link ExecutionRuntime.Builder#advanceClockWhenIdle()}: with nothing runnable, the runtime moves a jumping
 * clock to the earliest deadline itself, as the caller-thread engine did, so a demo or a test needs no
 * {@code advance}.
 */
class IdleClockAdvanceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final StateMachineDefinition WAIT_THEN_RETRY = StateMachineDefinition.parse("""
            {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":60,"Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:flaky",
                "Retry":[{"ErrorEquals":["Flaky.Error"],"IntervalSeconds":30,"BackoffRate":2.0}],"End":true}}}""");
    private static final String CALLBACK = """
            {"StartAt":"Approve","States":{
              "Approve":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters":{"FunctionName":"notify","Payload":{"token.$":"$$.Task.Token"}},
                %s "End":true}}}""";

    private final VirtualClock virtual = new VirtualClock();
    private final Instant start = virtual.now();
    private final FunctionRegistry functions = new FunctionRegistry().bind("notify", payload -> json("{}"));

    private ExecutionRuntime runtime(EngineClock clock, TaskTokenListener listener) {
        return ExecutionRuntime.builder(functions, clock).threads(2).taskTokenListener(listener)
                .advanceClockWhenIdle().build();
    }

    private static ExecutionResult run(ExecutionRuntime runtime, StateMachineDefinition definition)
            throws Exception {
        String arn = runtime.start(definition, new ExecutionRequest("sm", "e", json("{}"))).executionArn();
        return runtime.awaitCompletion(arn, PATIENCE);
    }

    @Test
    void waitsAndRetryPausesPassWithoutAnyoneAdvancingTheClock() throws Exception {
        functions.bind("flaky", new Workflow.Flaky(2, "Flaky.Error"));
        try (ExecutionRuntime runtime = runtime(virtual, TaskTokenListener.NONE)) {
            ExecutionResult result = run(runtime, WAIT_THEN_RETRY);

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output()).isEqualTo(json("{\"attempt\":3}"));
            assertThat(Duration.between(start, result.stopDate())).isEqualTo(Duration.ofSeconds(60 + 30 + 60));
            assertThat(virtual.now()).isEqualTo(result.stopDate());
        }
    }

    @Test
    void aClockThatTellsNoListenerIsAdvancedToo() throws Exception {
        // Like the end-to-end tests' fast-forward clock: a sliver of real time per jump, and no whenAdvanced.
        EngineClock quiet = new EngineClock() {
            @Override
            public Instant now() {
                return virtual.now();
            }

            @Override
            public void sleepUntil(Instant deadline) throws InterruptedException {
                Thread.sleep(5);
                virtual.sleepUntil(deadline);
            }
        };
        functions.bind("flaky", new Workflow.Flaky(1, "Flaky.Error"));
        try (ExecutionRuntime runtime = runtime(quiet, TaskTokenListener.NONE)) {
            ExecutionResult result = run(runtime, WAIT_THEN_RETRY);

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Duration.between(start, result.stopDate())).isEqualTo(Duration.ofSeconds(90));
        }
    }

    @Test
    void aTokenAnsweredByTheListenerAsItIsIssuedIsSeenBeforeAnyJump() throws Exception {
        ExecutionRuntime[] self = new ExecutionRuntime[1];
        try (ExecutionRuntime runtime = runtime(virtual,
                issued -> self[0].sendTaskSuccess(issued.taskToken(), json("{\"approved\":true}")))) {
            self[0] = runtime;
            ExecutionResult result = run(runtime, StateMachineDefinition.parse(
                    CALLBACK.formatted("\"TimeoutSeconds\":300,")));

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output()).isEqualTo(json("{\"approved\":true}"));
            assertThat(virtual.now()).isEqualTo(start);
        }
    }

    @Test
    void anUnansweredTokenTimesOutAtItsTimeout() throws Exception {
        try (ExecutionRuntime runtime = runtime(virtual, TaskTokenListener.NONE)) {
            ExecutionResult result = run(runtime, StateMachineDefinition.parse(
                    CALLBACK.formatted("\"TimeoutSeconds\":300,")));

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo("States.Timeout");
            assertThat(Duration.between(start, result.stopDate())).isEqualTo(Duration.ofSeconds(300));
        }
    }

    @Test
    void aTokenWithoutTimeoutsWaitsForItsAnswerWithoutJumping() throws Exception {
        CompletableFuture<String> token = new CompletableFuture<>();
        try (ExecutionRuntime runtime = runtime(virtual, issued -> token.complete(issued.taskToken()))) {
            String arn = runtime.start(StateMachineDefinition.parse(CALLBACK.formatted("")),
                    new ExecutionRequest("sm", "e", json("{}"))).executionArn();

            runtime.sendTaskSuccess(token.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), json("\"yes\""));
            ExecutionResult result = runtime.awaitCompletion(arn, PATIENCE);

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output()).isEqualTo(json("\"yes\""));
            assertThat(virtual.now()).isEqualTo(start);
        }
    }

    @Test
    void noJumpWhileATaskFunctionRuns() throws Exception {
        CountDownLatch waitParked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Instant> seenByFunction = new CompletableFuture<>();
        functions.bind("slow", (JsonNode payload) -> {
            try {
                release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seenByFunction.complete(virtual.now());
            return json("\"slow done\"");
        });
        StateMachineDefinition slow = StateMachineDefinition.parse("""
                {"StartAt":"T","States":{"T":{"Type":"Task",
                  "Resource":"arn:aws:lambda:local:000000000000:function:slow","End":true}}}""");
        StateMachineDefinition wait = StateMachineDefinition.parse("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");
        try (ExecutionRuntime runtime = runtime(virtual, TaskTokenListener.NONE)) {
            String slowArn = runtime.start(slow, new ExecutionRequest("sm", "slow", json("{}"))).executionArn();
            String waitArn = runtime.start(wait, new ExecutionRequest("sm", "wait", json("{}")), event -> {
                if (event.type().equals("WaitStateEntered")) {
                    waitParked.countDown();
                }
            }).executionArn();
            assertThat(waitParked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            release.countDown();

            assertThat(runtime.awaitCompletion(slowArn, PATIENCE).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(seenByFunction.get()).isEqualTo(start);
            ExecutionResult waited = runtime.awaitCompletion(waitArn, PATIENCE);
            assertThat(waited.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Duration.between(start, waited.stopDate())).isEqualTo(Duration.ofSeconds(60));
        }
    }
}
