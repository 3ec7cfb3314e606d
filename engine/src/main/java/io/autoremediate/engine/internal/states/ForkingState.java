package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.autoremediate.engine.internal.errors.StatesError;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.context.StateRun;

/**
 * A state that runs children (Parallel branches, Map iterations): {@link #run} returns an
 * {@link Outcome.Fork}, the interpreter advances the children step by step and tells the state how each
 * ends, and {@link #joined} turns their outputs into the state's result. A failing child stops the others,
 * unless {@link #judgeFailure} tolerates it.
 */
public abstract class ForkingState extends State {

    protected ForkingState(String name, Transition transition, InputOutput io) {
        super(name, transition, io);
    }

    /** The graph child {@code index} runs. */
    public abstract StateGraph childGraph(int index);

    /** A child is about to take its first step. */
    public void childStarted(StateRun run, int index) {
    }

    public void childSucceeded(StateRun run, int index) {
    }

    public void childFailed(StateRun run, int index) {
    }

    /**
     * Child {@code index} failed with {@code error}; {@code failed} of the {@code total} children have failed so
     * far, this one included. By default the state fails with the child's error, as Parallel and inline Map do.
     */
    public ChildFailure judgeFailure(StateRun run, int index, StatesError error, int failed, int total) {
        return new ChildFailure.Fatal(error);
    }

    /** A child was stopped because another failed. */
    public void childAborted(StateRun run, int index) {
    }

    /** All children ended without failing the state: record it, produce the state's output (or throw its error). */
    public abstract Outcome joined(StateRun run, ArrayNode outputs);

    /** A child failed with {@code error}: record the state's failure; Retry and Catch then act on the error. */
    public abstract void failed(StateRun run, StatesError error);
}
