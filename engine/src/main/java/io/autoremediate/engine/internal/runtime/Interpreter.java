package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.errors.StatesError;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.ResultPaths;
import io.autoremediate.engine.internal.retry.ErrorHandling;
import io.autoremediate.engine.internal.states.BranchResult;
import io.autoremediate.engine.internal.states.ChildFailure;
import io.autoremediate.engine.internal.states.ForkingState;
import io.autoremediate.engine.internal.states.Outcome;
import io.autoremediate.engine.internal.states.State;
import io.autoremediate.engine.internal.states.StateGraph;
import io.autoremediate.engine.internal.context.TaskTokenBook;
import java.time.Instant;
import java.util.Map;
import io.autoremediate.engine.internal.context.ContextObject;
import io.autoremediate.engine.internal.context.EngineEnvironment;
import io.autoremediate.engine.internal.context.ExecutionIdentity;

/**
 * Advances threads of an execution one step at a time: entering a state, running it, resuming it after a
 * suspension. What every state shares lives here: entered and exited events, transitions, and applying the
 * Retry/Catch decision.
 */
public final class Interpreter {
    private final EngineEnvironment environment;
    private final ExecutionIdentity identity;
    private final HistoryLog history;
    private final Instant deadline;
    private final TaskTokenBook taskTokens;
    private final ContextObject contextObject;

    public Interpreter(EngineEnvironment environment, ExecutionIdentity identity, HistoryLog history,
                       Instant deadline) {
        this.environment = environment;
        this.identity = identity;
        this.history = history;
        this.deadline = deadline;
        this.taskTokens = new TaskTokenBook(identity.executionArn());
        this.contextObject = new ContextObject(identity);
    }

    /** Builds the context objects ({@code $$}) of this execution's states. */
    ContextObject contextObject() {
        return contextObject;
    }

    /** The execution's task tokens; touched only by the thread holding the execution's step lock. */
    public TaskTokenBook taskTokens() {
        return taskTokens;
    }

    public EngineEnvironment environment() {
        return environment;
    }

    public ExecutionIdentity identity() {
        return identity;
    }

    public HistoryLog history() {
        return history;
    }

    /** The execution's TimeoutSeconds deadline, or {@code null}. */
    public Instant deadline() {
        return deadline;
    }

    /** Takes one step if one is due; does nothing while the thread waits for its resume time. */
    public void advance(ExecutionThread thread) {
        Cursor cursor = thread.cursor();
        if (cursor == null) {
            return;
        }
        Instant now = environment.clock().now();
        if (deadline != null && !now.isBefore(deadline)) {
            throw new ExecutionDeadlineReached();
        }
        if (!thread.isDue(now)) {
            return;
        }
        State state = thread.graph().state(cursor.stateName());
        if (cursor.phase() == Cursor.Phase.ENTER) {
            long id = history.appendValue(state.enteredEventType(), state.name(), IoDetails.Field.INPUT,
                    cursor.input());
            thread.moveTo(cursor.entered(now, id));
            return;
        }
        StepContext run = new StepContext(this, cursor);
        try {
            if (cursor.phase() == Cursor.Phase.CHILDREN) {
                advanceChildren(thread, (ForkingState) state, run, now);
                return;
            }
            Outcome outcome = cursor.phase() == Cursor.Phase.RUN ? state.run(run) : state.resume(run);
            follow(thread, state, outcome);
        } catch (StatesError error) {
            recover(thread, state, cursor, error);
        }
    }

    /**
     * One step of a Parallel or Map state's children: the first child that is due takes a step; if none is,
     * the next child starts (within MaxConcurrency); once all have ended the state joins them. Preferring
     * running children keeps executions without Waits in child order, as if run one after another.
     */
    private void advanceChildren(ExecutionThread thread, ForkingState state, StepContext run, Instant now) {
        Fork fork = thread.fork();
        for (Map.Entry<Integer, ExecutionThread> entry : fork.active().entrySet()) {
            ExecutionThread child = entry.getValue();
            if (child.isDue(now)) {
                advance(child);
                child.result().ifPresent(result -> childEnded(thread, state, run, entry.getKey(), result));
                return;
            }
        }
        if (fork.canStartAnother()) {
            int index = fork.started();
            state.childStarted(run, index);
            StateGraph graph = state.childGraph(index);
            fork.startNext(new ExecutionThread(graph, Cursor.enter(graph.startAt(), fork.inputs().get(index))));
            return;
        }
        if (fork.allEnded()) {
            follow(thread, state, state.joined(run, fork.outputs()));
        }
    }

    private void childEnded(ExecutionThread thread, ForkingState state, StepContext run, int index,
                            BranchResult result) {
        Fork fork = thread.fork();
        if (result.succeeded()) {
            fork.succeeded(index, result.output());
            state.childSucceeded(run, index);
            return;
        }
        fork.failed(index);
        state.childFailed(run, index);
        ChildFailure judged = state.judgeFailure(run, index, result.error(), fork.failures(), fork.size());
        if (judged instanceof ChildFailure.Tolerated tolerated) {
            fork.tolerated(index, tolerated.standIn());
            return;
        }
        StatesError error = ((ChildFailure.Fatal) judged).error();
        for (int aborted : fork.abortAll()) {
            state.childAborted(run, aborted);
        }
        state.failed(run, error);
        throw error;
    }

    private void follow(ExecutionThread thread, State state, Outcome outcome) {
        if (outcome instanceof Outcome.Fork children) {
            thread.forked(thread.cursor().forked(), new Fork(children.childInputs(), children.maxConcurrency()));
        } else if (outcome instanceof Outcome.Suspend suspend) {
            thread.moveTo(thread.cursor().suspended(suspend.until(), suspend.carried()));
        } else if (outcome instanceof Outcome.GoTo goTo) {
            leave(thread, state, goTo.next(), goTo.output());
        } else if (outcome instanceof Outcome.Proceed proceed) {
            leave(thread, state, state.endsOnCompletion() ? null : state.transition().next(), proceed.output());
        }
    }

    private void leave(ExecutionThread thread, State state, String next, JsonNode output) {
        if (state.emitsExitedEvent()) {
            history.appendValue(state.exitedEventType(), state.name(), IoDetails.Field.OUTPUT, output);
        }
        if (next == null) {
            thread.finish(BranchResult.succeeded(output));
        } else {
            thread.moveTo(Cursor.enter(next, output));
        }
    }

    private void recover(ExecutionThread thread, State state, Cursor cursor, StatesError raised) {
        StatesError error = raised instanceof RuntimeFailure
                ? raised.withCausePrefix("An error occurred while executing the state '" + state.name()
                + "' (entered at the event id #" + cursor.enteredEventId() + "). ")
                : raised;
        ErrorHandling.Decision decision = state.errorHandling()
                .decide(error, cursor.retrierAttempts(), environment.random());
        if (decision instanceof ErrorHandling.Decision.Retry retry) {
            Instant at = environment.clock().now().plus(retry.delay());
            thread.moveTo(cursor.retrying(retry.retrierIndex(), at));
        } else if (decision instanceof ErrorHandling.Decision.Catch caught) {
            ObjectNode errorOutput = Json.object();
            errorOutput.put("Error", error.errorName());
            errorOutput.put("Cause", error.errorCause());
            JsonNode output;
            try {
                output = ResultPaths.apply(caught.catcher().resultPath(), cursor.input(), errorOutput);
            } catch (StatesError resultPathError) {
                thread.finish(BranchResult.failed(resultPathError));
                return;
            }
            leave(thread, state, caught.catcher().next(), output);
        } else {
            thread.finish(BranchResult.failed(error));
        }
    }

    /** The execution passed its TimeoutSeconds. */
    public static final class ExecutionDeadlineReached extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

}
