package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task tokens on the {@link ExecutionRuntime}: waiting executions are parked and survive a restart. */
class TaskTokenRuntimeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final StateMachineDefinition APPROVAL = StateMachineDefinition.parse(
            TaskTokenEngineTest.APPROVAL.formatted("\"HeartbeatSeconds\":600,", ""));
    private static final StateMachineDefinition WAIT_1000_SECONDS = StateMachineDefinition.parse("""
            {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":1000,"End":true}}}""");

    @TempDir
    Path directory;

    private final VirtualClock clock = new VirtualClock();
    private final AtomicInteger notifications = new AtomicInteger();
    private final List<TaskTokenIssued> issued = new CopyOnWriteArrayList<>();

    private ExecutionRuntime runtime() {
        FunctionRegistry functions = new FunctionRegistry().bind("notify", payload -> {
            notifications.incrementAndGet();
            return json("{}");
        });
        return ExecutionRuntime.builder(functions, clock).region("us-east-1").account("123456789012")
                .threads(2).journal(directory).journalSync(JournalSync.NEVER).taskTokenListener(issued::add)
                .build();
    }

    private static ExecutionRequest request(String name) {
        return new ExecutionRequest("remediation", name, json("{\"instance\":\"i-0123456789abcdef0\"}"));
    }

    @Test
    void waitingExecutionsAreParkedAndGoOnWhenAnswered() throws Exception {
        try (ExecutionRuntime runtime = runtime()) {
            for (int i = 0; i < 50; i++) {
                runtime.start(APPROVAL, request("incident-" + i));
            }
            await("all waiting for their tokens").until(() -> issued.size() == 50 && runtime.parkedCount() == 50);

            for (TaskTokenIssued token : issued) {
                runtime.sendTaskSuccess(token.taskToken(), json("{\"approved\":true}"));
            }
            for (TaskTokenIssued token : issued) {
                ExecutionResult result = runtime.awaitCompletion(token.executionArn(), PATIENCE);
                assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(result.output().get("approval")).isEqualTo(json("{\"approved\":true}"));
            }
            assertThat(runtime.parkedCount()).isZero();
        }
    }

    @Test
    void aTokenWaitSurvivesARestartAndItsFunctionIsNotInvokedAgain() throws Exception {
        String arn;
        try (ExecutionRuntime first = runtime()) {
            arn = first.start(APPROVAL, request("incident-1")).executionArn();
            await("waiting").until(() -> issued.size() == 1 && first.parkedCount() == 1);
        }
        String token = issued.get(0).taskToken();
        try (ExecutionRuntime second = runtime()) {
            assertThat(second.resumedExecutions()).containsExactly(arn);
            await("parked again").until(() -> second.parkedCount() == 1);
            second.sendTaskHeartbeat(token);
            second.sendTaskFailure(token, "Remediation.Denied", "not now");

            ExecutionResult result = second.awaitCompletion(arn, PATIENCE);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().get("denial").get("Error").asText()).isEqualTo("Remediation.Denied");
            assertThat(notifications.get()).isEqualTo(1);
            List<Long> ids = result.history().stream().map(HistoryEvent::id).toList();
            assertThat(ids).isEqualTo(java.util.stream.LongStream.rangeClosed(1, ids.size()).boxed().toList());
        }
    }

    @Test
    void anAnswerIsPersistedBeforeItReturns() throws Exception {
        String arn;
        try (ExecutionRuntime first = runtime()) {
            arn = first.start(APPROVAL, request("incident-1")).executionArn();
            await("waiting").until(() -> issued.size() == 1 && first.parkedCount() == 1);
            first.close();
            // Closed: the pool is gone, so only the journal can carry the answer to the next runtime.
            first.sendTaskSuccess(issued.get(0).taskToken(), json("\"yes\""));
        }
        try (ExecutionRuntime second = runtime()) {
            assertThat(second.awaitCompletion(arn, PATIENCE).output().get("approval").asText()).isEqualTo("yes");
        }
    }

    @Test
    void lateAnswersHearTaskTimedOutAndHeartbeatsKeepATaskAlive() throws Exception {
        try (ExecutionRuntime runtime = runtime()) {
            String arn = runtime.start(APPROVAL, request("incident-1")).executionArn();
            await("waiting").until(() -> issued.size() == 1 && runtime.parkedCount() == 1);
            String token = issued.get(0).taskToken();
            // Due at 1,000 s, before the heartbeat's new deadline (1,100 s): once it has ended, the runtime has
            // woken what the clock at 1,000 s makes due, which the heartbeat saved the approval from being.
            String earlier = runtime.start(WAIT_1000_SECONDS, request("earlier")).executionArn();
            await("both parked").until(() -> runtime.parkedCount() == 2);

            clock.advance(Duration.ofSeconds(500));
            runtime.sendTaskHeartbeat(token);
            await("parked again after the heartbeat").until(() -> runtime.parkedCount() == 2);
            clock.advance(Duration.ofSeconds(500));
            assertThat(runtime.awaitCompletion(earlier, PATIENCE).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(runtime.parkedCount()).isEqualTo(1);
            assertThat(runtime.describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);

            clock.advance(Duration.ofSeconds(600));
            ExecutionResult result = runtime.awaitCompletion(arn, PATIENCE);
            assertThat(result.error()).isEqualTo("States.HeartbeatTimeout");
            assertThatThrownBy(() -> runtime.sendTaskSuccess(token, json("{}")))
                    .isInstanceOf(TaskTokenException.class);
            assertThatThrownBy(() -> runtime.sendTaskSuccess("garbage", json("{}")))
                    .isInstanceOf(InvalidTokenException.class);
        }
    }
}
