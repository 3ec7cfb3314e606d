package io.autoremediate.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionDescription;
import io.autoremediate.engine.ExecutionDoesNotExistException;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.StateMachineEngine;
import io.autoremediate.engine.TaskTokenListener;
import io.autoremediate.local.json.Json;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs executions on the engine's durable {@link ExecutionRuntime}, journaled under {@code directory}: a serve
 * started again on the same directory resumes what the last one left RUNNING (Waits keep their time, task
 * tokens stay valid, completed Tasks do not run again). Waiting executions hold no thread.
 */
public final class RuntimeExecutionBackend implements ExecutionBackend {
    private final FunctionRegistry functions;
    private final String region;
    private final String account;
    private final ExecutionIndex index;
    private final ExecutionRuntime runtime;

    /**
     * Resumes the executions journaled in {@code directory}, so bind every function into {@code functions}
     * before building this.
     *
     * @param threads how many executions advance (or Tasks run) at once; waiting ones take none
     */
    public RuntimeExecutionBackend(FunctionRegistry functions, EngineClock clock, String region, String account,
                                   int threads, Path directory, TaskTokenListener tokens) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.region = Objects.requireNonNull(region, "region");
        this.account = Objects.requireNonNull(account, "account");
        this.index = new ExecutionIndex(directory.resolve("executions.jsonl"));
        this.runtime = StateMachineEngine.builder(functions, clock).region(region).account(account)
                .taskTokenListener(tokens).runtime().threads(threads).journal(directory.resolve("journal"))
                .build();
    }

    /** The executions a previous server left RUNNING, which went on here. */
    public List<String> resumedExecutions() {
        return runtime.resumedExecutions();
    }

    @Override
    public ExecutionView start(ExecutionStart start) {
        bindMissing(start.definition());
        index.record(start.executionArn(), start.inputText());
        runtime.start(start.definition(),
                new ExecutionRequest(start.stateMachineName(), start.name(), start.input()));
        return describe(start.executionArn()).orElseThrow();
    }

    /**
     * Step Functions does not check Lambda functions at CreateStateMachine: a missing one fails its Task with
     * Lambda.ResourceNotFoundException when invoked, which Retry and Catch see.
     */
    private void bindMissing(StateMachineDefinition definition) {
        for (StateMachineDefinition.TaskBinding task : definition.tasks()) {
            String name = task.functionName();
            if (name != null && functions.find(name).isEmpty()) {
                functions.bind(name, new MissingFunction("arn:aws:lambda:" + region + ":" + account
                        + ":function:" + name));
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
        runtime.close();
    }

    private ExecutionView view(ExecutionDescription d) {
        ExecutionIndex.Entry entry = index.get(d.executionArn());
        if (entry == null) {
            entry = index.record(d.executionArn(), Json.write(d.input()));
        }
        return new ExecutionView(entry.sequence(), d.executionArn(), d.name(), d.stateMachineArn(), d.status(),
                d.startDate(), d.stopDate(), entry.inputText(), d.output() == null ? null : Json.write(d.output()),
                d.error(), d.cause());
    }
}
