package io.autoremediate.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.FunctionErrorException;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.OneShot;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutableFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ExecutableFunction script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return new ExecutableFunction(file);
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void payloadGoesToStdinAndStdoutIsTheResult() throws IOException {
        ExecutableFunction echo = script("echo.sh", "read line; echo \"{\\\"got\\\":$line}\"");

        assertThat(echo.invoke(json("{\"a\":[1,2]}"))).isEqualTo(json("{\"got\":{\"a\":[1,2]}}"));
    }

    @Test
    void theEnvironmentIsInherited() throws IOException {
        ExecutableFunction env = script("env.sh", "cat >/dev/null; printf '{\"path\":\"%s\"}' \"$PATH\"");

        assertThat(env.invoke(json("{}")).get("path").asText()).isEqualTo(System.getenv("PATH"));
    }

    @Test
    void stderrDoesNotMixIntoTheResult() throws IOException {
        ExecutableFunction noisy = script("noisy.sh", "cat >/dev/null; echo 'progress' >&2; echo '[true]'");

        assertThat(noisy.invoke(json("{}"))).isEqualTo(json("[true]"));
    }

    @Test
    void largePayloadsAndResultsDoNotDeadlock() throws IOException {
        ExecutableFunction cat = script("cat.sh", "cat");
        String big = "x".repeat(2_000_000);

        assertThat(cat.invoke(JSON.getNodeFactory().textNode(big)).asText()).hasSize(2_000_000);
    }

    @Test
    void nonZeroExitWithLambdaErrorJsonIsAFunctionErrorWhoseCauseIsTheStdout() throws IOException {
        ExecutableFunction failing = script("fail.sh", """
                cat >/dev/null
                echo '  {"errorType":"com.example.RunbookNotFoundException","errorMessage":"no runbook"}  '
                exit 1""");

        assertThatThrownBy(() -> failing.invoke(json("{}")))
                .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("com.example.RunbookNotFoundException");
                    assertThat(e.errorMessage()).isEqualTo("no runbook");
                    assertThat(e.cause()).isEqualTo(
                            "{\"errorType\":\"com.example.RunbookNotFoundException\",\"errorMessage\":\"no runbook\"}");
                });
    }

    @Test
    void nonZeroExitWithoutErrorJsonIsARuntimeExitErrorAsLambdaReportsACrashedRuntime() throws IOException {
        ExecutableFunction crashing = script("crash.sh", "cat >/dev/null; echo 'Segmentation fault'; exit 3");

        assertThatThrownBy(() -> crashing.invoke(json("{}")))
                .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("Runtime.ExitError");
                    assertThat(e.errorMessage()).isEqualTo("Runtime exited with error: exit status 3");
                });
    }

    @Test
    void exitZeroWithStdoutThatIsNotJsonIsStatesRuntime() throws IOException {
        ExecutableFunction chatty = script("chatty.sh", "cat >/dev/null; echo 'done!'");

        assertThatThrownBy(() -> chatty.invoke(json("{}")))
                .isInstanceOfSatisfying(RuntimeFailure.class, e -> assertThat(e.errorCause()).contains("done!"));
    }

    @Test
    void aMissingExecutableFailsTheTaskNamingThePath() {
        ExecutableFunction missing = new ExecutableFunction(dir.resolve("nope.sh"));

        assertThatThrownBy(() -> missing.invoke(JSON.createObjectNode()))
                .isInstanceOf(FunctionErrorException.class).hasMessageContaining("nope.sh");
    }

    @Test
    void taskTimeoutKillsTheProcessAndFailsWithStatesTimeout() throws IOException, InterruptedException {
        // The script leaves a mark if it runs its 9 s to the end (&&: not once its sleep is killed): the Task,
        // timed out after 1 s, must not wait.
        Path finished = dir.resolve("finished");
        ExecutableFunction sleepy = script("sleepy.sh", "cat >/dev/null; sleep 9 && touch '" + finished + "'; echo '{}'");
        FunctionRegistry functions = new FunctionRegistry().bind("sleepy", sleepy);
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"StartAt":"T","States":{"T":{"Type":"Task","TimeoutSeconds":1,
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:sleepy","End":true}}}""");

        ExecutionResult result = OneShot.execute(functions, EngineClock.system(), definition, new ExecutionRequest("sm", "e", null), ExecutionListener.NONE);

        assertThat(result.error()).isEqualTo("States.Timeout");
        assertThat(finished).as("the Task ended before the script would have").doesNotExist();
        await("the script and its sleep are killed").atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    }
}
