package io.autoremediate.engine.internal.states;

import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.json.Scope;
import java.util.Set;
import io.autoremediate.engine.internal.context.StateRun;

/** Succeed (spec "Succeed State"): ends the execution or branch successfully with its processed input. */
public final class SucceedState extends State {
    public static final Set<String> FIELDS = Set.of("Type", "Comment", "InputPath", "OutputPath");

    SucceedState(String name, InputOutput io) {
        super(name, Transition.END, io);
    }

    public static SucceedState parse(String name, FieldReader r) {
        return new SucceedState(name, r.inputOutput(false, false, false));
    }

    @Override
    public String type() {
        return "Succeed";
    }

    @Override
    public Outcome run(StateRun run) {
        Scope scope = run.scope();
        return new Outcome.Proceed(io().output(run.input(), io().effectiveInput(run.input(), scope), scope));
    }
}
