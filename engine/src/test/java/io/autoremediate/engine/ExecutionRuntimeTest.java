package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime: many executions on a small pool, Waits and retry pauses parked on the (virtual) clock. */
class ExecutionRuntimeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final StateMachineDefinition WAIT_A_MINUTE = StateMachineDefinition.parse("""
            {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":60,"Next":"Done"},
              "Done":{"Type":"Pass","Result":"done","End":true}}}""");
    private static final StateMachineDefinition WAIT_59_SECONDS = StateMachineDefinition.parse("""
            {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":59,"End":true}}}""");

    private final VirtualClock clock = new VirtualClock();
    private final FunctionRegistry functions = new FunctionRegistry();
    private ExecutionRuntime runtime;

    private ExecutionRuntime runtime() {
        if (runtime == null) {
            runtime = ExecutionRuntime.builder(functions, clock).threads(2).build();
        }
        return runtime;
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void waitingExecutionsParkUntilTheVirtualClockReachesTheirTime() throws Exception {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            arns.add(runtime().start(WAIT_A_MINUTE, new ExecutionRequest("sm", "e" + i, null)).executionArn());
        }
        // Due a second before the others: once it has ended, the runtime has woken what the clock at 59 s makes due.
        String earlier = runtime().start(WAIT_59_SECONDS, new ExecutionRequest("sm", "earlier", null)).executionArn();
        await("all parked").until(() -> runtime().parkedCount() == 201);

        clock.advance(Duration.ofSeconds(59));
        assertThat(runtime().awaitCompletion(earlier, PATIENCE).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(runtime().parkedCount()).isEqualTo(200);
        assertThat(runtime().describe(arns.get(0)).status()).isEqualTo(ExecutionStatus.RUNNING);

        clock.advance(Duration.ofSeconds(1));
        for (String arn : arns) {
            ExecutionResult result = runtime().awaitCompletion(arn, PATIENCE);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output()).isEqualTo(json("\"done\""));
            assertThat(Duration.between(result.startDate(), result.stopDate())).isEqualTo(Duration.ofSeconds(60));
        }
        assertThat(runtime().parkedCount()).isZero();
    }

    @Test
    void aRetryPauseParksTheExecutionToo() throws Exception {
        Workflow.Flaky flaky = new Workflow.Flaky(1, "Flaky.Error");
        functions.bind("flaky", flaky);
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:flaky",
                  "Retry":[{"ErrorEquals":["Flaky.Error"],"IntervalSeconds":30}],"End":true}}}""");

        String arn = runtime().start(definition, new ExecutionRequest("sm", "retry", null)).executionArn();
        await("parked for the retry").until(() -> runtime().parkedCount() == 1);
        assertThat(flaky.calls).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        ExecutionResult result = runtime().awaitCompletion(arn, PATIENCE);
        assertThat(result.output()).isEqualTo(json("{\"attempt\":2}"));
    }

    @Test
    void stopAbortsAParkedExecutionWithItsErrorAndCause() throws Exception {
        String arn = runtime().start(WAIT_A_MINUTE, new ExecutionRequest("sm", "stopped", null)).executionArn();
        await("parked").until(() -> runtime().parkedCount() == 1);

        ExecutionDescription stopped = runtime().stop(arn, "Operator.Stop", "no longer needed");

        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).isEqualTo("Operator.Stop");
        assertThat(stopped.stopDate()).isNotNull();
        HistoryEvent last = runtime().history(arn).get(runtime().history(arn).size() - 1);
        assertThat(last.type()).isEqualTo("ExecutionAborted");
        assertThat(last.details().get("cause").asText()).isEqualTo("no longer needed");
        assertThat(runtime().parkedCount()).isZero();
        assertThat(runtime().awaitCompletion(arn, PATIENCE).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void stopDuringATaskAbortsAtOnceAndTheFunctionsLateResultIsNotRecorded() throws Exception {
        // StopExecution (Step Functions API Reference): the execution ends ABORTED with an ExecutionAborted event
        // at once; a Task's function already invoked is not waited for, and what it returns later is not recorded.
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        functions.bind("slow", payload -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return payload;
        });
        // One pool thread: once the quick execution below has ended, the slow step has been dealt with too.
        runtime = ExecutionRuntime.builder(functions, clock).threads(1).build();
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:slow",
                  "Next":"After"},"After":{"Type":"Pass","End":true}}}""");
        String arn = runtime.start(definition, new ExecutionRequest("sm", "busy", null)).executionArn();
        running.await();

        ExecutionDescription stopped = runtime.stop(arn, "Operator.Stop", "stopped mid-task");

        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).isEqualTo("Operator.Stop");
        assertThat(runtime.awaitCompletion(arn, PATIENCE).cause()).isEqualTo("stopped mid-task");
        List<String> atStop = runtime.history(arn).stream().map(HistoryEvent::type).toList();
        assertThat(atStop).endsWith("LambdaFunctionStarted", "ExecutionAborted");

        release.countDown();
        String quick = runtime.start(WAIT_A_MINUTE, new ExecutionRequest("sm", "after", null)).executionArn();
        await("the quick execution parked").until(() -> runtime.parkedCount() == 1);
        runtime.stop(quick, null, null);

        assertThat(runtime.history(arn).stream().map(HistoryEvent::type).toList()).isEqualTo(atStop);
        assertThat(runtime.describe(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void startingTheSameNameIsIdempotentOnlyWhileRunningWithTheSameInput() throws Exception {
        ExecutionRequest request = new ExecutionRequest("sm", "once", json("{\"a\":1}"));
        ExecutionHandle first = runtime().start(WAIT_A_MINUTE, request);

        assertThat(runtime().start(WAIT_A_MINUTE, request)).isEqualTo(first);
        assertThatThrownBy(() -> runtime().start(WAIT_A_MINUTE, new ExecutionRequest("sm", "once", json("{}"))))
                .isInstanceOf(ExecutionAlreadyExistsException.class);

        await("parked").until(() -> runtime().parkedCount() == 1);
        clock.advance(Duration.ofMinutes(1));
        runtime().awaitCompletion(first.executionArn(), PATIENCE);
        assertThatThrownBy(() -> runtime().start(WAIT_A_MINUTE, request))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void listFiltersByStatusAndCompletionListenersHearEveryEnd() throws Exception {
        List<ExecutionResult> ended = new CopyOnWriteArrayList<>();
        runtime().addCompletionListener(ended::add);
        StateMachineDefinition quick = StateMachineDefinition.parse("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        String quickArn = runtime().start(quick, new ExecutionRequest("quick", "q", null)).executionArn();
        runtime().start(WAIT_A_MINUTE, new ExecutionRequest("sm", "slow", null));
        runtime().awaitCompletion(quickArn, PATIENCE);
        await("parked").until(() -> runtime().parkedCount() == 1);

        assertThat(runtime().list()).hasSize(2);
        assertThat(runtime().list(null, ExecutionStatus.RUNNING)).extracting(ExecutionDescription::name)
                .containsExactly("slow");
        assertThat(runtime().list(runtime().describe(quickArn).stateMachineArn(), null))
                .extracting(ExecutionDescription::name).containsExactly("q");
        await("listener heard").until(() -> ended.size() == 1);
        assertThat(ended.get(0).executionArn()).isEqualTo(quickArn);
    }

    @Test
    void aRuntimeThatForgetsEndedExecutionsKeepsNoneAndLetsTheirNamesBeUsedAgain() {
        StateMachineDefinition pass = StateMachineDefinition.parse("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Result":"done","End":true}}}""");
        try (ExecutionRuntime forgetting = ExecutionRuntime.builder(functions, clock).forgetEnded().build()) {
            ExecutionResult first = forgetting.execute(pass, new ExecutionRequest("sm", "again", null),
                    ExecutionListener.NONE);
            ExecutionResult second = forgetting.execute(pass, new ExecutionRequest("sm", "again", null),
                    ExecutionListener.NONE);

            assertThat(first.output()).isEqualTo(json("\"done\""));
            assertThat(first.history()).isNotEmpty();
            assertThat(second.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThatThrownBy(() -> forgetting.describe(first.executionArn()))
                    .isInstanceOf(ExecutionDoesNotExistException.class);
        }
    }

    @Test
    void aJournaledRuntimeCannotForgetEndedExecutions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> ExecutionRuntime.builder(functions, clock).journal(dir).forgetEnded().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keeps no journal");
    }

    @Test
    void unknownExecutionsAndUnboundFunctionsAreRefused() {
        assertThatThrownBy(() -> runtime().describe("arn:aws:states:local:000000000000:execution:sm:nope"))
                .isInstanceOf(ExecutionDoesNotExistException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> runtime().start(StateMachineDefinition.parse("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:missing",
                  "End":true}}}"""), new ExecutionRequest("sm", "x", null)))
                .isInstanceOf(UnboundFunctionException.class).hasMessageContaining("missing");
    }

    @Test
    void manyExecutionsShareTheSmallPool() throws Exception {
        StateMachineDefinition loop = StateMachineDefinition.parse("""
                {"StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Result":{"i":0},"Next":"Check"},
                  "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericGreaterThanEquals":300,"Next":"Done"}],
                           "Default":"Add"},
                  "Add":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)"},"Next":"Check"},
                  "Done":{"Type":"Succeed"}}}""");
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            arns.add(runtime().start(loop, new ExecutionRequest("loop", "l" + i, null)).executionArn());
        }
        for (String arn : arns) {
            assertThat(runtime().awaitCompletion(arn, PATIENCE).output()).isEqualTo(json("{\"i\":300}"));
        }
    }
}
