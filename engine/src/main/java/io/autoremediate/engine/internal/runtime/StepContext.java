package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.Scope;
import io.autoremediate.engine.internal.context.StateRun;
import io.autoremediate.engine.internal.context.TaskTokenBook;
import java.time.Instant;
import io.autoremediate.engine.internal.context.EngineEnvironment;

/** The {@link StateRun} the interpreter hands a state for one step. */
final class StepContext implements StateRun {
    private final Interpreter interpreter;
    private final Cursor cursor;
    private final Scope scope;

    StepContext(Interpreter interpreter, Cursor cursor) {
        this.interpreter = interpreter;
        this.cursor = cursor;
        // Most steps never read $$; it is built only if a path or a callback Task does.
        this.scope = Scope.withLazyContext(cursor.input(), () -> interpreter.contextObject()
                        .forState(cursor.stateName(), cursor.enteredTime(), cursor.retryCount()),
                interpreter.environment().random());
    }

    @Override
    public JsonNode input() {
        return cursor.input();
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public Instant now() {
        return interpreter.environment().clock().now();
    }

    @Override
    public long record(String eventType, ObjectNode details) {
        return interpreter.history().append(eventType, cursor.stateName(), details);
    }

    @Override
    public JsonNode carried() {
        return cursor.carried();
    }

    @Override
    public EngineEnvironment environment() {
        return interpreter.environment();
    }

    @Override
    public TaskTokenBook taskTokens() {
        return interpreter.taskTokens();
    }

}
