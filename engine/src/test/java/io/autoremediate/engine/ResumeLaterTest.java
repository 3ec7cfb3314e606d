package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime built with {@code resumeLater} holds its journaled executions (listed, described) but runs none until
 * {@code resume()}, so functions that read the runtime they run in can be bound to it first; and
 * {@code summaries()} lists executions as ListExecutions does, without their input.
 */
class ResumeLaterTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final StateMachineDefinition WAIT_TASK = StateMachineDefinition.parse("""
            {"StartAt":"Wait","States":{
              "Wait":{"Type":"Wait","Seconds":60,"Next":"Count"},
              "Count":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:count","End":true}}}""");

    @TempDir
    Path directory;

    private final VirtualClock clock = new VirtualClock();
    private final AtomicInteger calls = new AtomicInteger();
    private final FunctionRegistry functions = new FunctionRegistry().bind("count", payload -> {
        calls.incrementAndGet();
        return payload;
    });

    private ExecutionRuntime.Builder runtime() {
        return ExecutionRuntime.builder(functions, clock).threads(2).journal(directory)
                .journalSync(JournalSync.NEVER);
    }

    @Test
    void aJournaledExecutionGoesOnOnlyOnceResumed() throws Exception {
        String arn;
        try (ExecutionRuntime first = runtime().build()) {
            arn = first.start(WAIT_TASK, new ExecutionRequest("sm", "waiting", json("{}"))).executionArn();
            await("parked in the Wait").until(() -> first.parkedCount() == 1);
        }

        try (ExecutionRuntime second = runtime().resumeLater().build()) {
            assertThat(second.resumedExecutions()).containsExactly(arn);
            assertThat(second.describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
            clock.advance(Duration.ofSeconds(60));
            assertThat(second.parkedCount()).as("nothing submitted before resume()").isZero();
            assertThat(calls.get()).isZero();

            second.resume();
            ExecutionResult result = second.awaitCompletion(arn, PATIENCE);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(calls.get()).isEqualTo(1);
        }
    }

    @Test
    void summariesListEveryExecutionWithItsStatusAndDates() throws Exception {
        try (ExecutionRuntime runtime = runtime().build()) {
            String waiting = runtime.start(WAIT_TASK, new ExecutionRequest("sm", "waiting", json("{}"))).executionArn();
            await("parked in the Wait").until(() -> runtime.parkedCount() == 1);
            String stopped = runtime.start(WAIT_TASK, new ExecutionRequest("sm", "stopped", json("{}"))).executionArn();
            runtime.stop(stopped, "Test.Stop", "stopped by the test");

            List<ExecutionSummary> summaries = runtime.summaries();

            assertThat(summaries).extracting(ExecutionSummary::executionArn).containsExactlyInAnyOrder(waiting, stopped);
            ExecutionSummary ended = summaries.stream().filter(s -> s.executionArn().equals(stopped)).findFirst()
                    .orElseThrow();
            assertThat(ended.name()).isEqualTo("stopped");
            assertThat(ended.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(ended.stopDate()).isNotNull();
            assertThat(summaries.stream().filter(s -> s.executionArn().equals(waiting)).findFirst().orElseThrow()
                    .status()).isEqualTo(ExecutionStatus.RUNNING);
        }
    }
}
