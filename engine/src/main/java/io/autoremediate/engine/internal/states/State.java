package io.autoremediate.engine.internal.states;

import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.retry.ErrorHandling;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import io.autoremediate.engine.internal.context.StateRun;

/**
 * A state of a state machine (States Language spec, "States"). The interpreter does what all states share
 * (entered/exited events, transitions, Retry and Catch); a subclass says what its type does in
 * {@link #run}.
 */
public abstract class State {
    private final String name;
    private final Transition transition;
    private final InputOutput io;
    // Made once: every step records one of them. A race at most makes an equal string twice.
    private String enteredEventType;
    private String exitedEventType;

    protected State(String name, Transition transition, InputOutput io) {
        this.name = Objects.requireNonNull(name, "name");
        this.transition = transition;
        this.io = Objects.requireNonNull(io, "io");
    }

    public final String name() {
        return name;
    }

    /** The {@code Type} as written in the definition, which also prefixes its history event types. */
    public abstract String type();

    /** The type of the event entering this state records, e.g. {@code PassStateEntered}. */
    public final String enteredEventType() {
        if (enteredEventType == null) {
            enteredEventType = type() + "StateEntered";
        }
        return enteredEventType;
    }

    /** The type of the event leaving this state records, e.g. {@code PassStateExited}. */
    public final String exitedEventType() {
        if (exitedEventType == null) {
            exitedEventType = type() + "StateExited";
        }
        return exitedEventType;
    }

    /** Next or End; {@code null} for states that choose (Choice) or stop (Succeed, Fail). */
    public final Transition transition() {
        return transition;
    }

    public final InputOutput io() {
        return io;
    }

    /** Runs the state once; throws a StatesError when it fails. */
    public abstract Outcome run(StateRun run);

    /** Continues a state that suspended itself; only states that suspend override this. */
    public Outcome resume(StateRun run) {
        throw new IllegalStateException("State '" + name + "' (" + type() + ") cannot be resumed");
    }

    /** Retry and Catch; only Task, Parallel and Map have them. */
    public ErrorHandling errorHandling() {
        return ErrorHandling.NONE;
    }

    /** Whether the state emits an exited event on leaving (all but Fail). */
    public boolean emitsExitedEvent() {
        return true;
    }

    /** Whether reaching this state ends the branch successfully (Succeed, or End: true). */
    public boolean endsOnCompletion() {
        return transition != null && transition.isEnd();
    }

    /** A state this one may go to, and the field that says so (for validation messages). */
    public record Successor(String field, String target) {
    }

    /** Every state this one may go to. */
    public List<Successor> successors() {
        List<Successor> names = new ArrayList<>();
        if (transition != null && !transition.isEnd()) {
            names.add(new Successor("'Next'", transition.next()));
        }
        List<io.autoremediate.engine.internal.retry.Catcher> catchers = errorHandling().catchers();
        for (int i = 0; i < catchers.size(); i++) {
            names.add(new Successor("Catch[" + i + "]: 'Next'", catchers.get(i).next()));
        }
        return names;
    }

    /** The nested state graphs (Parallel branches, Map item processor). */
    public List<StateGraph> children() {
        return List.of();
    }
}
