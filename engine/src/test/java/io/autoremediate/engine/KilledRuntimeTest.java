package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery through a really killed process: {@link DurableRuntimeMain} runs 20 executions with a
 * journal, is killed with SIGKILL once while all are parked in a Wait and once in the middle of its Tasks, and
 * a third process on the same directory finishes them. Every execution completes, its history ids run on
 * without gaps, and no Task whose result was recorded ran again: a key runs more than once only when it was
 * in flight at a kill (at-least-once, as a Lambda invocation is), and then at most once per killed process.
 */
class KilledRuntimeTest {
    private static final int EXECUTIONS = 20;
    private static final int TASKS_PER_EXECUTION = 6;
    private static final String RECORD_SCRIPT = """
            #!/bin/bash
            payload=$(cat)
            key=$(printf '%s' "$payload" | sed -n 's/.*"key" *: *"\\([^"]*\\)".*/\\1/p')
            invocation=$(cat /proc/sys/kernel/random/uuid)
            sleep 0.1
            echo "$GENERATION $invocation $key" >> "$COUNTER_FILE"
            printf '{"invocation":"%s","key":"%s"}' "$invocation" "$key"
            """;

    @TempDir
    Path work;

    private Path counter;

    private Process launch(int generation, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(work.resolve("journal").toString(), work.toString()));
        args.addAll(List.of(extra));
        ProcessBuilder builder = ChildJvm.of(List.of("-Xmx128m"), DurableRuntimeMain.class,
                args.toArray(String[]::new));
        builder.environment().put("COUNTER_FILE", counter.toString());
        builder.environment().put("GENERATION", String.valueOf(generation));
        return builder.start();
    }

    @Test
    void executionsSurviveKillDashNineWithEveryRecordedTaskRunOnce() throws Exception {
        Path script = work.resolve("record.sh");
        Files.writeString(script, RECORD_SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        counter = work.resolve("counter.txt");
        Files.createFile(counter);

        Process first = launch(1, "start", String.valueOf(EXECUTIONS));
        awaitLine(first, "all-parked");
        kill(first);
        int afterFirst = lines().size();
        assertThat(afterFirst).as("each execution ran Task A once before the Wait").isEqualTo(EXECUTIONS);

        Process second = launch(2);
        assertThat(awaitLine(second, "resumed")).isEqualTo("resumed " + EXECUTIONS);
        await("50 more Tasks run by the second process").atMost(Duration.ofSeconds(60))
                .until(() -> lines().size() >= EXECUTIONS + 50);
        kill(second);
        int atSecondKill = lines().size();

        Process third = launch(3);
        assertThat(awaitLine(third, "all-complete")).isEqualTo("all-complete");
        assertThat(third.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(third.exitValue()).isZero();

        JsonNode summary = Workflow.JSON.readTree(work.resolve("summary.json").toFile());
        assertThat(summary).hasSize(EXECUTIONS);
        Map<String, String> recorded = new HashMap<>();
        for (JsonNode execution : summary) {
            assertThat(execution.get("status").asText()).as(execution.get("name").asText()).isEqualTo("SUCCEEDED");
            JsonNode history = execution.get("history");
            for (int i = 0; i < history.size(); i++) {
                JsonNode event = history.get(i);
                assertThat(event.get("id").asLong()).isEqualTo(i + 1);
                assertThat(event.get("previousEventId").asLong()).isEqualTo(i);
                if (event.get("type").asText().equals("LambdaFunctionSucceeded")) {
                    JsonNode output = Workflow.json(event.get("lambdaFunctionSucceededEventDetails").get("output")
                            .asText());
                    assertThat(recorded.put(output.get("key").asText(), output.get("invocation").asText()))
                            .as("one recorded result per task").isNull();
                }
            }
        }
        assertThat(recorded).hasSize(EXECUTIONS * TASKS_PER_EXECUTION);

        // Scripts orphaned by the second kill may still be writing their line.
        await("the scripts orphaned by the second kill ended").until(() -> ProcessHandle.allProcesses()
                .noneMatch(process -> process.info().commandLine().filter(c -> c.contains(script.toString()))
                        .isPresent()));
        Map<String, List<String[]>> invocationsByKey = new HashMap<>();
        int withoutPayload = 0;
        for (String line : lines()) {
            String[] fields = line.split(" ");
            if (fields.length < 3) {
                // Invoked as the process died, before the payload reached the script's stdin: in flight.
                assertThat(fields[0]).as("only the process killed amid Tasks had tasks in flight").isEqualTo("2");
                withoutPayload++;
                continue;
            }
            invocationsByKey.computeIfAbsent(fields[2], k -> new ArrayList<>()).add(fields);
        }
        assertThat(invocationsByKey.keySet()).isEqualTo(recorded.keySet());
        int reinvoked = 0;
        for (Map.Entry<String, List<String[]>> entry : invocationsByKey.entrySet()) {
            String recordedInvocation = recorded.get(entry.getKey());
            String[] kept = entry.getValue().stream().filter(f -> f[1].equals(recordedInvocation)).findFirst()
                    .orElseThrow(() -> new AssertionError("the recorded invocation of " + entry.getKey()
                            + " never ran"));
            List<String> lostGenerations = entry.getValue().stream().filter(f -> f != kept).map(f -> f[0]).toList();
            assertThat(lostGenerations).as("runs of %s other than the recorded one", entry.getKey())
                    .doesNotHaveDuplicates()
                    .allSatisfy(generation -> assertThat(Integer.parseInt(generation))
                            .isLessThan(Integer.parseInt(kept[0])).isNotEqualTo(1));
            reinvoked += lostGenerations.size();
        }
        assertThat(reinvoked + withoutPayload).as("only tasks in flight at the second kill run again")
                .isLessThanOrEqualTo(DurableRuntimeMain.THREADS);
        System.out.printf("KilledRuntimeTest: %d executions, %d task lines at the second kill, %d tasks in flight "
                + "then and run again (%d of them before their payload arrived), %d task invocations in all%n",
                EXECUTIONS, atSecondKill, reinvoked + withoutPayload, withoutPayload, lines().size());
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(counter).stream().filter(l -> !l.isBlank()).toList();
    }

    /** Reads the child's output until a line starting with {@code prefix}; returns that line. */
    private static String awaitLine(Process process, String prefix) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child ended without printing '" + prefix + "':\n" + seen);
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing, as kill -9
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
}
