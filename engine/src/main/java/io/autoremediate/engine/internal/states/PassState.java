package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.json.Scope;
import java.util.Set;
import io.autoremediate.engine.internal.context.StateRun;

/** Pass (spec "Pass State"): passes its effective input, or its {@code Result}, to ResultPath. */
public final class PassState extends State {
    public static final Set<String> FIELDS = Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath",
            "Parameters", "ResultPath", "Result");

    private final JsonNode result;

    PassState(String name, Transition transition, InputOutput io, JsonNode result) {
        super(name, transition, io);
        this.result = result;
    }

    public static PassState parse(String name, FieldReader r, Transition transition) {
        return new PassState(name, transition, r.inputOutput(true, false, true), r.json().get("Result"));
    }

    @Override
    public String type() {
        return "Pass";
    }

    @Override
    public Outcome run(StateRun run) {
        Scope scope = run.scope();
        JsonNode effective = io().effectiveInput(run.input(), scope);
        JsonNode output = result != null ? result.deepCopy() : effective;
        return new Outcome.Proceed(io().output(run.input(), output, scope));
    }
}
