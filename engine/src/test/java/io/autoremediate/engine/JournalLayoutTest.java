package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a journal costs on disk and what it gives back: a finished execution's whole history, event for event,
 * in a few dozen bytes per state; journals of the earlier layout (one line per event) still resume.
 */
class JournalLayoutTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final StateMachineDefinition LOOP = StateMachineDefinition.parse("""
            {"StartAt":"Check","States":{
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThanPath":"$.n","Next":"Increment"}],
                       "Default":"Done"},
              "Increment":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)","n.$":"$.n",
                           "note":"quotes \\" and \\u00e9 and a line\\nbreak"},"Next":"Check"},
              "Done":{"Type":"Succeed"}}}""");

    @TempDir
    Path directory;

    private ExecutionRuntime runtime(EngineClock clock) {
        return ExecutionRuntime.builder(new FunctionRegistry(), clock).journal(directory).build();
    }

    @Test
    void aFinishedExecutionReadsBackEventForEventFromAFewBytesPerState() throws Exception {
        String arn;
        List<HistoryEvent> original;
        try (ExecutionRuntime first = runtime(EngineClock.system())) {
            arn = first.start(LOOP, new ExecutionRequest("loop", "counted", json("{\"i\":0,\"n\":2000}")))
                    .executionArn();
            ExecutionResult result = first.awaitCompletion(arn, PATIENCE);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            original = result.history();
        }
        long statesEntered = original.stream().filter(e -> e.type().endsWith("StateEntered")).count();
        assertThat(statesEntered).isEqualTo(4_002);

        try (ExecutionRuntime second = runtime(EngineClock.system())) {
            assertThat(second.history(arn)).isEqualTo(original);
            assertThat(second.describe(arn).output()).isEqualTo(json("{\"i\":2000,\"n\":2000,"
                    + "\"note\":\"quotes \\\" and \\u00e9 and a line\\nbreak\"}"));
        }
        // Each state's value once (the Choice hands its input on unchanged), its events as a name and a time.
        assertThat(journalBytes() / (double) statesEntered).isLessThan(80);
    }

    @Test
    void anExecutionJournaledOneLinePerEventResumesAndGoesOnWithItsHistory() throws Exception {
        Path journal = directory.resolve("written-by-an-earlier-version.journal");
        String arn = "arn:aws:states:local:000000000000:execution:loop:old";
        Files.writeString(journal, String.join("\n",
                "{\"record\":\"started\",\"executionArn\":\"" + arn + "\",\"name\":\"old\","
                        + "\"stateMachineArn\":\"arn:aws:states:local:000000000000:stateMachine:loop\","
                        + "\"stateMachineName\":\"loop\",\"input\":{\"i\":0,\"n\":3},"
                        + "\"startTime\":\"2023-12-31T23:00:00Z\","
                        + "\"roleArn\":\"arn:aws:iam::000000000000:role/autoremediate-local\","
                        + "\"definition\":" + Workflow.JSON.writeValueAsString(LOOP.json().toString()) + "}",
                "{\"record\":\"event\",\"id\":1,\"previousEventId\":0,\"timestamp\":\"2023-12-31T23:00:00Z\","
                        + "\"type\":\"ExecutionStarted\",\"details\":{\"input\":\"{\\\"i\\\":0,\\\"n\\\":3}\","
                        + "\"inputDetails\":{\"truncated\":false},"
                        + "\"roleArn\":\"arn:aws:iam::000000000000:role/autoremediate-local\"}}",
                "{\"record\":\"checkpoint\",\"events\":1,\"status\":\"RUNNING\",\"main\":{\"cursor\":{"
                        + "\"state\":\"Check\",\"input\":{\"i\":0,\"n\":3},\"phase\":\"ENTER\",\"enteredEventId\":0,"
                        + "\"retryCount\":0,\"retrierAttempts\":[]}}}",
                ""), StandardCharsets.UTF_8);
        VirtualClock clock = new VirtualClock();

        List<HistoryEvent> finished;
        try (ExecutionRuntime resumed = runtime(clock)) {
            assertThat(resumed.resumedExecutions()).containsExactly(arn);
            ExecutionResult result = resumed.awaitCompletion(arn, PATIENCE);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().get("i").intValue()).isEqualTo(3);
            finished = result.history();
        }
        assertThat(finished.get(0).type()).isEqualTo("ExecutionStarted");
        assertThat(finished.get(0).details().get("input").textValue()).isEqualTo("{\"i\":0,\"n\":3}");
        DurableExecutionTest.assertContinuous(finished);

        try (ExecutionRuntime again = runtime(clock)) {
            assertThat(again.resumedExecutions()).isEmpty();
            assertThat(again.history(arn)).isEqualTo(finished);
        }
    }

    private long journalBytes() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
