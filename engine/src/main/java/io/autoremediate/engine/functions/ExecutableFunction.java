package io.autoremediate.engine.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.FunctionErrorException;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A Lambda function played by an executable, one process per invocation (the CLI's
 * {@code --function NAME=EXECUTABLE}): the payload JSON on stdin, the result JSON on stdout, stderr passed
 * through. The process inherits the environment and runs without a shell.
 *
 * <p>Exit 0: stdout is the result. A non-zero exit with {@code {"errorType","errorMessage"}} on stdout is a
 * function error of that type, with that stdout as the Cause. A non-zero exit without such JSON is what
 * Lambda reports when a runtime process dies: {@value #EXIT_ERROR_TYPE}.
 */
public final class ExecutableFunction implements LambdaFunction {
    /** Lambda's errorType when the runtime process exits without reporting an error. */
    public static final String EXIT_ERROR_TYPE = "Runtime.ExitError";

    private final List<String> command;

    public ExecutableFunction(Path executable) {
        this(List.of(executable.toString()));
    }

    /** A command line: the executable followed by its arguments. */
    public ExecutableFunction(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command needs an executable");
        }
        this.command = List.copyOf(command);
    }

    public List<String> command() {
        return command;
    }

    @Override
    public JsonNode invoke(JsonNode payload) {
        Process process = startProcess();
        try {
            // Stdin and stdout move on their own threads so a large payload cannot deadlock against a large
            // result, and this thread stays interruptible (a Task timeout cancels it and the process dies).
            CompletableFuture.runAsync(() -> writeStdin(process, payload), ExecutableFunction::daemon);
            CompletableFuture<String> reading = CompletableFuture.supplyAsync(
                    () -> readAll(process.getInputStream()), ExecutableFunction::daemon);
            int exit = process.waitFor();
            String stdout = reading.join().trim();
            return exit == 0 ? parseResult(stdout) : throwFunctionError(exit, stdout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            // A shell script's own children (a sleep, a curl) would outlive it and keep our stderr open.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private Process startProcess() {
        try {
            return new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new FunctionErrorException(EXIT_ERROR_TYPE, "cannot start '" + command.get(0) + "': "
                    + e.getMessage() + " (is it an executable file?)");
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "executable-function-io");
        thread.setDaemon(true);
        thread.start();
    }

    private static void writeStdin(Process process, JsonNode payload) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The process may exit without reading its input; its exit status tells what happened.
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parseResult(String stdout) {
        try {
            return Json.parse(stdout);
        } catch (JsonProcessingException e) {
            throw new RuntimeFailure("The function '" + command.get(0) + "' exited 0 but its stdout is not JSON: "
                    + abbreviate(stdout));
        }
    }

    private JsonNode throwFunctionError(int exit, String stdout) {
        try {
            JsonNode error = Json.parse(stdout);
            if (error.isObject() && error.path("errorType").isTextual()) {
                JsonNode message = error.get("errorMessage");
                throw new FunctionErrorException(error.get("errorType").textValue(),
                        message == null || message.isNull() ? null : message.asText(), stdout);
            }
        } catch (JsonProcessingException e) {
            // Not an error object: reported below as the runtime exiting.
        }
        throw new FunctionErrorException(EXIT_ERROR_TYPE, "Runtime exited with error: exit status " + exit);
    }

    private static String abbreviate(String text) {
        String shown = text.isEmpty() ? "<empty>" : text;
        return shown.length() > 200 ? shown.substring(0, 197) + "..." : shown;
    }

    @Override
    public String toString() {
        return "ExecutableFunction" + command;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExecutableFunction that && command.equals(that.command);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command);
    }
}
