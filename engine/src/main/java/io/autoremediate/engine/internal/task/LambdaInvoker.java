package io.autoremediate.engine.internal.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.FunctionErrorException;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.engine.internal.errors.StatesError;
import io.autoremediate.engine.internal.errors.TaskFailure;
import io.autoremediate.engine.internal.errors.TaskTimeout;
import io.autoremediate.engine.internal.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Invokes an in-process function the way Lambda reports on it: a {@link FunctionErrorException} becomes its
 * errorType and cause, any other RuntimeException its class name (as the Java runtime's errorType), and a
 * run longer than TimeoutSeconds a {@code States.Timeout}, measured on the engine clock.
 */
public final class LambdaInvoker {
    private LambdaInvoker() {
    }

    /**
     * @param timeoutSeconds the Task's TimeoutSeconds, or {@code null} for none
     */
    public static JsonNode invoke(LambdaFunction function, JsonNode payload, Long timeoutSeconds, EngineClock clock) {
        Instant started = clock.now();
        JsonNode result = timeoutSeconds == null
                ? call(function, payload)
                : callWithin(function, payload, timeoutSeconds);
        if (timeoutSeconds != null
                && Duration.between(started, clock.now()).compareTo(Duration.ofSeconds(timeoutSeconds)) > 0) {
            throw timeout(timeoutSeconds);
        }
        // The function may keep the node it returned and change it later; the engine's values never change.
        return result == null ? Json.NODES.nullNode() : result.deepCopy();
    }

    private static JsonNode call(LambdaFunction function, JsonNode payload) {
        try {
            return function.invoke(payload.deepCopy());
        } catch (FunctionErrorException e) {
            throw new TaskFailure(e.errorType(), e.cause());
        } catch (StatesError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TaskFailure(e.getClass().getName(), unhandledCause(e));
        }
    }

    private static JsonNode callWithin(LambdaFunction function, JsonNode payload, long timeoutSeconds) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "task-invocation");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<JsonNode> future = worker.submit(() -> call(function, payload));
            try {
                return future.get(timeoutSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw timeout(timeoutSeconds);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("function failed", e.getCause());
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a function", e);
            }
        } finally {
            worker.shutdownNow();
        }
    }

    private static TaskTimeout timeout(long timeoutSeconds) {
        return new TaskTimeout("The task did not finish within its TimeoutSeconds of " + timeoutSeconds + " s.");
    }

    /** The Cause the Java Lambda runtime gives an exception it did not expect. */
    static String unhandledCause(RuntimeException e) {
        ObjectNode cause = Json.object();
        cause.put("errorMessage", e.getMessage());
        cause.put("errorType", e.getClass().getName());
        return Json.write(cause);
    }
}
