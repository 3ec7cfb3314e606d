package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.errors.StatesError;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.retry.ErrorHandling;
import io.autoremediate.engine.internal.retry.ErrorHandlingParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.autoremediate.engine.internal.context.StateRun;

/**
 * Parallel (spec "Parallel State"): runs every branch on the effective input; the result is the array of
 * branch outputs in branch order. A failing branch fails the state with the branch's error and stops the
 * others. The interpreter advances the branches step by step, so a Wait in one lets the others go on.
 */
public final class ParallelState extends ForkingState {
    public static final Set<String> FIELDS = Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath",
            "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Branches");

    private final List<StateGraph> branches;
    private final ErrorHandling errorHandling;

    ParallelState(String name, Transition transition, InputOutput io, List<StateGraph> branches,
                  ErrorHandling errorHandling) {
        super(name, transition, io);
        this.branches = List.copyOf(branches);
        this.errorHandling = errorHandling;
    }

    public static ParallelState parse(String name, FieldReader r, Transition transition) {
        List<StateGraph> branches = new ArrayList<>();
        JsonNode json = r.json().get("Branches");
        if (json == null || !json.isArray() || json.isEmpty()) {
            r.problem("'Branches' must be a non-empty array of state machines");
        } else {
            for (int i = 0; i < json.size(); i++) {
                DefinitionParser.parseGraph(json.get(i), r.problems().within("Branches[" + i + "]"), Set.of())
                        .ifPresent(branches::add);
            }
        }
        return new ParallelState(name, transition, r.inputOutput(true, true, true), branches,
                ErrorHandlingParser.parse(r));
    }

    @Override
    public String type() {
        return "Parallel";
    }

    @Override
    public ErrorHandling errorHandling() {
        return errorHandling;
    }

    @Override
    public List<StateGraph> children() {
        return branches;
    }

    @Override
    public Outcome run(StateRun run) {
        JsonNode effective = io().effectiveInput(run.input(), run.scope());
        run.record("ParallelStateStarted", Json.object());
        ArrayNode inputs = Json.NODES.arrayNode();
        for (int i = 0; i < branches.size(); i++) {
            inputs.add(effective.deepCopy());
        }
        return new Outcome.Fork(inputs, 0);
    }

    @Override
    public StateGraph childGraph(int index) {
        return branches.get(index);
    }

    @Override
    public Outcome joined(StateRun run, ArrayNode outputs) {
        run.record("ParallelStateSucceeded", Json.object());
        return new Outcome.Proceed(io().output(run.input(), outputs, run.scope()));
    }

    @Override
    public void failed(StateRun run, StatesError error) {
        run.record("ParallelStateFailed", Json.object());
    }
}
