package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executions journaled to a directory come back in a new runtime on it (in process here; a killed process in
 * {@link KilledRuntimeTest}).
 */
class DurableExecutionTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final StateMachineDefinition TASK_WAIT_TASK = StateMachineDefinition.parse("""
            {"StartAt":"First","States":{
              "First":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:count","Next":"Wait"},
              "Wait":{"Type":"Wait","Seconds":60,"Next":"Fan"},
              "Fan":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ResultPath":"$.fanned",
                     "ItemProcessor":{"StartAt":"Nap","States":{"Nap":{"Type":"Wait","Seconds":5,"Next":"Each"},
                       "Each":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:count","End":true}}},
                     "Next":"Last"},
              "Last":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:count","End":true}}}""");

    @TempDir
    Path directory;

    private final VirtualClock clock = new VirtualClock();
    private final AtomicInteger calls = new AtomicInteger();

    private ExecutionRuntime runtime() {
        FunctionRegistry functions = new FunctionRegistry().bind("count", payload -> {
            calls.incrementAndGet();
            return payload;
        });
        return ExecutionRuntime.builder(functions, clock).threads(2).journal(directory)
                .journalSync(JournalSync.NEVER).build();
    }

    @Test
    void aParkedExecutionResumesInANewRuntimeWithoutRunningItsTaskAgain() throws Exception {
        String arn;
        List<HistoryEvent> before;
        try (ExecutionRuntime first = runtime()) {
            arn = first.start(TASK_WAIT_TASK, new ExecutionRequest("sm", "survivor", json("{\"items\":[1,2,3]}")))
                    .executionArn();
            await("parked in the Wait").until(() -> first.parkedCount() == 1);
            before = first.history(arn);
        }
        assertThat(calls.get()).isEqualTo(1);

        try (ExecutionRuntime second = runtime()) {
            assertThat(second.resumedExecutions()).containsExactly(arn);
            assertThat(second.history(arn)).isEqualTo(before);
            await("parked again").until(() -> second.parkedCount() == 1);
            clock.advance(Duration.ofSeconds(60));
            await("map iterations parked").until(() -> second.parkedCount() == 1 && calls.get() == 1
                    && second.history(arn).stream().anyMatch(e -> e.type().equals("MapIterationStarted")));
        }

        try (ExecutionRuntime third = runtime()) {
            await("map iterations parked again").until(() -> third.parkedCount() == 1);
            clock.advance(Duration.ofSeconds(5));
            await("two iterations done, the third parked").until(() -> calls.get() == 3 && third.parkedCount() == 1);
        }

        try (ExecutionRuntime fourth = runtime()) {
            await("the last iteration parked").until(() -> fourth.parkedCount() == 1);
            clock.advance(Duration.ofSeconds(5));
            ExecutionResult result = fourth.awaitCompletion(arn, PATIENCE);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().get("fanned")).isEqualTo(json("[1,2,3]"));
            assertThat(calls.get()).isEqualTo(5);
            assertContinuous(result.history());
            assertThat(result.history().subList(0, before.size())).isEqualTo(before);
        }

        try (ExecutionRuntime fifth = runtime()) {
            assertThat(fifth.resumedExecutions()).isEmpty();
            assertThat(fifth.describe(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(fifth.describe(arn).output().get("fanned")).isEqualTo(json("[1,2,3]"));
            assertThat(fifth.awaitCompletion(arn, PATIENCE).history()).hasSizeGreaterThan(before.size());
        }
    }

    @Test
    void aTornLastLineIsCutOffAndTheExecutionGoesOnFromItsLastCheckpoint() throws Exception {
        String arn;
        try (ExecutionRuntime first = runtime()) {
            arn = first.start(TASK_WAIT_TASK, new ExecutionRequest("sm", "torn", json("{\"items\":[]}")))
                    .executionArn();
            await("parked").until(() -> first.parkedCount() == 1);
        }
        Path journal;
        try (Stream<Path> files = Files.list(directory)) {
            journal = files.findFirst().orElseThrow();
        }
        Files.writeString(journal, "{\"record\":\"event\",\"id\":99,\"typ", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (ExecutionRuntime second = runtime()) {
            await("parked").until(() -> second.parkedCount() == 1);
            clock.advance(Duration.ofMinutes(1));
            ExecutionResult result = second.awaitCompletion(arn, PATIENCE);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertContinuous(result.history());
        }
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aStoppedExecutionStaysStoppedAfterARestart() throws Exception {
        String arn;
        try (ExecutionRuntime first = runtime()) {
            arn = first.start(TASK_WAIT_TASK, new ExecutionRequest("sm", "stopped", json("{\"items\":[]}")))
                    .executionArn();
            await("parked").until(() -> first.parkedCount() == 1);
            first.stop(arn, "Stop.Requested", "by the test");
        }
        try (ExecutionRuntime second = runtime()) {
            assertThat(second.resumedExecutions()).isEmpty();
            ExecutionDescription stopped = second.describe(arn);
            assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(stopped.error()).isEqualTo("Stop.Requested");
            assertThat(stopped.cause()).isEqualTo("by the test");
        }
    }

    @Test
    void anExecutionStoppedDuringATaskIsJournaledAbortedBeforeTheFunctionReturns() throws Exception {
        // StopExecution ends the execution at once, so a runtime reading the journal meanwhile (a restart) finds
        // it ABORTED and does not invoke the function again.
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        FunctionRegistry functions = new FunctionRegistry().bind("count", payload -> {
            calls.incrementAndGet();
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return payload;
        });
        try (ExecutionRuntime first = ExecutionRuntime.builder(functions, clock).threads(1).journal(directory)
                .journalSync(JournalSync.NEVER).build()) {
            String arn = first.start(TASK_WAIT_TASK, new ExecutionRequest("sm", "mid-task", json("{\"items\":[]}")))
                    .executionArn();
            running.await();
            first.stop(arn, "Stop.Requested", "mid-task");

            try (ExecutionRuntime second = runtime()) {
                assertThat(second.resumedExecutions()).isEmpty();
                assertThat(second.describe(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
                assertThat(second.history(arn).stream().map(HistoryEvent::type).toList())
                        .endsWith("LambdaFunctionStarted", "ExecutionAborted");
            }
            release.countDown();
        }
        assertThat(calls.get()).isEqualTo(1);
    }

    static void assertContinuous(List<HistoryEvent> history) {
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).id()).isEqualTo(i + 1);
            assertThat(history.get(i).previousEventId()).isEqualTo(i);
            if (i > 0) {
                assertThat(history.get(i).timestamp()).isAfterOrEqualTo(history.get(i - 1).timestamp());
            }
        }
    }
}
