package io.autoremediate.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.HistoryEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A backend known only once built: functions that read executions (the guard) are bound before the durable
 * backend exists, because it resumes journaled executions, which may call them, as it is built. A call that
 * comes meanwhile waits for it.
 */
public final class LateBackend implements ExecutionBackend {
    private static final long PATIENCE_SECONDS = 60;

    private final CompletableFuture<ExecutionBackend> backend = new CompletableFuture<>();

    public void built(ExecutionBackend value) {
        backend.complete(value);
    }

    private ExecutionBackend backend() {
        try {
            return backend.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the execution backend was starting", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the execution backend did not start", e);
        }
    }

    @Override
    public ExecutionView start(ExecutionStart start) {
        return backend().start(start);
    }

    @Override
    public Optional<ExecutionView> describe(String executionArn) {
        return backend().describe(executionArn);
    }

    @Override
    public List<HistoryEvent> history(String executionArn) {
        return backend().history(executionArn);
    }

    @Override
    public Optional<ExecutionView> stop(String executionArn, String error, String cause) {
        return backend().stop(executionArn, error, cause);
    }

    @Override
    public List<ExecutionView> list(String stateMachineArn) {
        return backend().list(stateMachineArn);
    }

    @Override
    public void sendTaskSuccess(String taskToken, JsonNode output) {
        backend().sendTaskSuccess(taskToken, output);
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        backend().sendTaskFailure(taskToken, error, cause);
    }

    @Override
    public void sendTaskHeartbeat(String taskToken) {
        backend().sendTaskHeartbeat(taskToken);
    }

    @Override
    public void close() {
        ExecutionBackend built = backend.getNow(null);
        if (built != null) {
            built.close();
        }
    }
}
