package io.autoremediate.engine.internal.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.Scope;
import java.time.Instant;

/** What a state sees while it runs once: its input, the context object, time, history and the engine. */
public interface StateRun {

    /** The state's raw input. */
    JsonNode input();

    /** {@code $} is the raw input, {@code $$} the context object of this state. */
    Scope scope();

    Instant now();

    /** Appends a history event of this state, returning its id. */
    long record(String eventType, ObjectNode details);

    /** What a suspended state handed over to its resumption. */
    JsonNode carried();

    EngineEnvironment environment();

    /** The execution's task tokens: issuing one for a callback Task, answers that came early, timeouts. */
    TaskTokenBook taskTokens();

}
