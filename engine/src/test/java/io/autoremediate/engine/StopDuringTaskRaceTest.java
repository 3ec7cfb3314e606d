package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * StopExecution does not wait for a running Task, so the stop and the Task's own ending race. Whoever wins, an
 * execution ends exactly once: one ending event, last in its history, matching its status, and one completion.
 */
class StopDuringTaskRaceTest {
    private static final Set<String> ENDINGS = Set.of("ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted",
            "ExecutionTimedOut");
    private static final int EXECUTIONS = 24;
    private static final StateMachineDefinition HOLD = StateMachineDefinition.parse("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:hold",
              "End":true}}}""");

    @Test
    void aStopRacingATasksEndEndsTheExecutionExactlyOnce() throws Exception {
        CountDownLatch everyThreadHeld = new CountDownLatch(EXECUTIONS);
        CountDownLatch releaseThreads = new CountDownLatch(1);
        FunctionRegistry functions = new FunctionRegistry().bind("slow", payload -> {
            // A function slow for real, around the 200 ms the runtime waits for a running step before stopping
            // without it: that real wait is what the stop races; nothing asserted races this sleep.
            sleep(150 + ThreadLocalRandom.current().nextInt(100));
            return payload;
        }).bind("hold", payload -> {
            everyThreadHeld.countDown();
            try {
                releaseThreads.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return payload;
        });
        Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:slow",
                  "End":true}}}""");
        ExecutorService stoppers = Executors.newFixedThreadPool(EXECUTIONS);
        try (ExecutionRuntime runtime = ExecutionRuntime.builder(functions, new VirtualClock()).threads(EXECUTIONS)
                .completionListener(r -> completions.computeIfAbsent(r.executionArn(), a -> new AtomicInteger())
                        .incrementAndGet())
                .build()) {
            List<Future<ExecutionDescription>> stops = new ArrayList<>();
            for (int i = 0; i < EXECUTIONS; i++) {
                String arn = runtime.start(definition, new ExecutionRequest("sm", "e" + i, null)).executionArn();
                stops.add(stoppers.submit(() -> {
                    sleep(ThreadLocalRandom.current().nextInt(50)); // a stop at a random moment of the Task
                    return runtime.stop(arn, "Race", "stopped");
                }));
            }
            for (Future<ExecutionDescription> stop : stops) {
                ExecutionDescription stopped = stop.get();
                assertThat(stopped.status()).isIn(ExecutionStatus.ABORTED, ExecutionStatus.SUCCEEDED);
                runtime.awaitCompletion(stopped.executionArn(), Duration.ofSeconds(10));
            }
            // A Task holds its pool thread until its step has ended, late or not: once every pool thread holds
            // a Task of its own, every late step has reached (or been refused by) its history.
            List<String> holders = new ArrayList<>();
            for (int i = 0; i < EXECUTIONS; i++) {
                holders.add(runtime.start(HOLD, new ExecutionRequest("holder", "h" + i, null)).executionArn());
            }
            assertThat(everyThreadHeld.await(10, TimeUnit.SECONDS)).as("every pool thread holds a Task").isTrue();
            List<ExecutionDescription> raced = runtime.list().stream()
                    .filter(description -> !holders.contains(description.executionArn())).toList();
            assertThat(raced).hasSize(EXECUTIONS);
            for (ExecutionDescription description : raced) {
                List<String> types = runtime.history(description.executionArn()).stream().map(HistoryEvent::type)
                        .toList();
                assertThat(types.stream().filter(ENDINGS::contains)).hasSize(1);
                String last = types.get(types.size() - 1);
                assertThat(last).isEqualTo(description.status() == ExecutionStatus.ABORTED ? "ExecutionAborted"
                        : "ExecutionSucceeded");
                assertThat(completions.get(description.executionArn())).hasValue(1);
            }
            releaseThreads.countDown();
        } finally {
            stoppers.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
