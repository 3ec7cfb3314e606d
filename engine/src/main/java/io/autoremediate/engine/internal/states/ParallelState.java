package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.autoremediate.engine.internal.definition.DefinitionParser;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.Scope;
import io.autoremediate.engine.internal.retry.ErrorHandling;
import io.autoremediate.engine.internal.retry.ErrorHandlingParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parallel (spec "Parallel State"): runs every branch on the effective input; the result is the array of
 * branch outputs in branch order. A failing branch fails the state with the branch's error. Branches run
 * one after another on the execution's thread, which gives the same results deterministically.
 */
public final class ParallelState extends State {
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
        Scope scope = run.scope();
        JsonNode effective = io().effectiveInput(run.input(), scope);
        run.record("ParallelStateStarted", Json.object());
        ArrayNode results = Json.NODES.arrayNode();
        for (StateGraph branch : branches) {
            BranchResult result = run.runBranch(branch, effective.deepCopy());
            if (!result.succeeded()) {
                run.record("ParallelStateFailed", Json.object());
                throw result.error();
            }
            results.add(result.output());
        }
        run.record("ParallelStateSucceeded", Json.object());
        return new Outcome.Proceed(io().output(run.input(), results, scope));
    }
}
