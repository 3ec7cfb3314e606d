package io.autoremediate.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.ExecutionDescription;
import io.autoremediate.engine.ExecutionDoesNotExistException;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.runtime.LocalRuntime;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API's executions on the {@link LocalRuntime} serve composes, whose journal keeps them: a serve
 * started again on the same data folder resumes what the last one left RUNNING (Waits keep their time, task
 * tokens stay valid, completed Tasks do not run again). Waiting executions hold no thread.
 */
public final class RuntimeExecutionBackend implements ExecutionBackend {
    private final LocalRuntime local;
    private final ExecutionIndex index;
    private final ExecutionRuntime runtime;

    /** @param directory where the index of start order and input text is kept (beside the runtime's journal) */
    public RuntimeExecutionBackend(LocalRuntime local, Path directory) {
        this.local = Objects.requireNonNull(local, "local");
        this.index = new ExecutionIndex(directory.resolve("executions.jsonl"));
        this.runtime = local.executionRuntime();
    }

    /** The executions a previous server left RUNNING, which went on here. */
    public List<String> resumedExecutions() {
        return runtime.resumedExecutions();
    }

    @Override
    public ExecutionView start(ExecutionStart start) {
        bindMissing(start.definition());
        if (index.get(start.executionArn()) == null) {
            index.record(start.executionArn(), start.inputText());
        }
        String executionArn = runtime.start(start.definition(),
                new ExecutionRequest(start.stateMachineName(), start.name(), start.input())).executionArn();
        return describe(executionArn).orElseThrow();
    }

    /**
     * Step Functions does not check Lambda functions at CreateStateMachine: a missing one fails its Task with
     * Lambda.ResourceNotFoundException when invoked, which Retry and Catch see.
     */
    private void bindMissing(StateMachineDefinition definition) {
        for (StateMachineDefinition.TaskBinding task : definition.tasks()) {
            String name = task.functionName();
            if (name != null && local.functions().find(name).isEmpty()) {
                local.functions().bind(name, new MissingFunction(local.arns().function(name)));
            }
        }
    }

    @Override
    public Optional<ExecutionView> describe(String executionArn) {
        try {
            return Optional.of(view(runtime.describe(executionArn)));
        } catch (ExecutionDoesNotExistException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<HistoryEvent> history(String executionArn) {
        try {
            return runtime.history(executionArn);
        } catch (ExecutionDoesNotExistException e) {
            return List.of();
        }
    }

    @Override
    public Optional<ExecutionView> stop(String executionArn, String error, String cause) {
        try {
            return Optional.of(view(runtime.stop(executionArn, error, cause)));
        } catch (ExecutionDoesNotExistException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ExecutionView> list(String stateMachineArn) {
        return runtime.list(stateMachineArn, null).stream().map(this::view)
                .sorted(Comparator.comparingLong(ExecutionView::sequence).reversed())
                .toList();
    }

    @Override
    public void sendTaskSuccess(String taskToken, JsonNode output) {
        runtime.sendTaskSuccess(taskToken, output);
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        runtime.sendTaskFailure(taskToken, error, cause);
    }

    @Override
    public void sendTaskHeartbeat(String taskToken) {
        runtime.sendTaskHeartbeat(taskToken);
    }

    /** Stops the threads; RUNNING executions stay journaled for the next server on the same directory. */
    @Override
    public void close() {
        local.close();
    }

    private ExecutionView view(ExecutionDescription d) {
        ExecutionIndex.Entry entry = index.get(d.executionArn());
        if (entry == null) {
            entry = index.record(d.executionArn(), LocalJson.write(d.input()));
        }
        return new ExecutionView(entry.sequence(), d.executionArn(), d.name(), d.stateMachineArn(), d.status(),
                d.startDate(), d.stopDate(), entry.inputText(), d.output() == null ? null : LocalJson.write(d.output()),
                d.error(), d.cause());
    }
}
