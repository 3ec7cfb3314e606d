package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journaled runtime makes empty journal files ahead of its starts (so a durable start forces one file, not
 * the file and the directory). Those files are never executions: what a killed process leaves (its started
 * executions and the files it had not used yet) comes back as exactly the executions it started, and the
 * unused files are gone once the runtime that finds them, or the one that made them, is done.
 */
class JournalFilesMadeAheadTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final StateMachineDefinition WAIT = StateMachineDefinition.parse("""
            {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":3600,"End":true}}}""");
    /** More than one batch of files made ahead, so starts also take files of a later batch. */
    private static final int STARTS = 40;

    @TempDir
    Path work;

    private final VirtualClock clock = new VirtualClock();

    private ExecutionRuntime runtime(Path directory) {
        return ExecutionRuntime.builder(new FunctionRegistry(), clock).threads(2).journal(directory).build();
    }

    @Test
    void whatAKilledRuntimeLeftComesBackAsExactlyTheExecutionsItStarted() throws Exception {
        Path running = work.resolve("running");
        Path killed = work.resolve("killed");
        List<String> names = IntStream.range(0, STARTS).mapToObj(i -> "run-" + i).toList();
        try (ExecutionRuntime first = runtime(running)) {
            for (String name : names) {
                first.start(WAIT, new ExecutionRequest("pool", name, json("{}")));
            }
            await("all parked").until(() -> first.parkedCount() == STARTS);
            // Every write of the runtime has reached the kernel: a copy now is what kill -9 would leave.
            copy(running, killed);
        }
        assertThat(journals(killed)).as("the files made ahead and not yet taken are there")
                .hasSizeGreaterThan(STARTS);
        assertThat(journals(running)).as("closing deletes the files nobody took").hasSize(STARTS);

        try (ExecutionRuntime second = runtime(killed)) {
            assertThat(second.resumedExecutions()).hasSize(STARTS);
            assertThat(second.list()).extracting(ExecutionDescription::name)
                    .containsExactlyInAnyOrderElementsOf(names);
            assertThat(journals(killed)).as("recovery deletes files without a start").hasSize(STARTS);
            second.start(WAIT, new ExecutionRequest("pool", "after", json("{}")));
            await("all parked").until(() -> second.parkedCount() == STARTS + 1);
            clock.advance(Duration.ofHours(1));
            for (ExecutionDescription execution : second.list()) {
                assertThat(second.awaitCompletion(execution.executionArn(), PATIENCE).status())
                        .isEqualTo(ExecutionStatus.SUCCEEDED);
            }
        }

        try (ExecutionRuntime third = runtime(killed)) {
            assertThat(third.resumedExecutions()).isEmpty();
            assertThat(third.list()).hasSize(STARTS + 1)
                    .allSatisfy(d -> assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
        }
        assertThat(journals(killed)).hasSize(STARTS + 1);
    }

    @Test
    void aSecondStartOfARunningNameFindsTheFirstAndMakesNoJournal() throws Exception {
        Path directory = work.resolve("journal");
        try (ExecutionRuntime runtime = runtime(directory)) {
            ExecutionHandle first = runtime.start(WAIT, new ExecutionRequest("pool", "once", json("{\"a\":1}")));
            ExecutionHandle again = runtime.start(WAIT, new ExecutionRequest("pool", "once", json("{\"a\":1}")));
            assertThat(again.executionArn()).isEqualTo(first.executionArn());
            assertThat(runtime.list()).hasSize(1);
        }
        assertThat(journals(directory)).hasSize(1);
    }

    @Test
    void startsOfOneNameAtOnceMakeOneExecutionAndOneJournal() throws Exception {
        Path directory = work.resolve("journal");
        int callers = 16;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try (ExecutionRuntime runtime = runtime(directory)) {
            CountDownLatch ready = new CountDownLatch(callers);
            List<Future<String>> arns = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                arns.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return runtime.start(WAIT, new ExecutionRequest("pool", "same", json("{}"))).executionArn();
                }));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> arn : arns) {
                distinct.add(arn.get());
            }
            assertThat(distinct).hasSize(1);
            assertThat(runtime.list()).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(journals(directory)).hasSize(1);
    }

    private static List<Path> journals(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".journal")).toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
