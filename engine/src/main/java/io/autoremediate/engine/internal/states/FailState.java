package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.errors.StatesError;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.io.PayloadTemplate;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import java.util.Optional;
import java.util.Set;
import io.autoremediate.engine.internal.context.StateRun;

/**
 * Fail (spec "Fail State"): stops the execution or branch with an Error and Cause, given literally or read
 * from the input by ErrorPath and CausePath (reference paths or intrinsic functions).
 */
public final class FailState extends State {
    public static final Set<String> FIELDS = Set.of("Type", "Comment", "Error", "ErrorPath", "Cause", "CausePath");

    private final Text error;
    private final Text cause;

    /** A literal string, a path, or neither. */
    record Text(String literal, PayloadTemplate dynamic, String field) {
        String resolve(StateRun run) {
            if (dynamic == null) {
                return literal;
            }
            JsonNode value = dynamic.apply(run.scope()).get("value");
            if (!value.isTextual()) {
                throw new RuntimeFailure("The value of '" + field + "' must be a string, but was " + Json.write(value));
            }
            return value.textValue();
        }
    }

    FailState(String name, Text error, Text cause) {
        super(name, null, InputOutput.DEFAULT);
        this.error = error;
        this.cause = cause;
    }

    public static FailState parse(String name, FieldReader r) {
        return new FailState(name, text(r, "Error", "ErrorPath"), text(r, "Cause", "CausePath"));
    }

    private static Text text(FieldReader r, String field, String pathField) {
        if (r.has(field) && r.has(pathField)) {
            r.problem("'" + field + "' and '" + pathField + "' are mutually exclusive");
        }
        Optional<String> literal = r.string(field);
        Optional<String> path = r.string(pathField);
        if (path.isPresent()) {
            try {
                if (!path.get().startsWith("States.")) {
                    JsonPath parsed = JsonPath.parse(path.get());
                    if (!parsed.isReferencePath()) {
                        r.problem("'" + pathField + "' must be a reference path or an intrinsic function, but was '"
                                + path.get() + "'");
                    }
                }
                PayloadTemplate template = PayloadTemplate.compile(
                        Json.object().put("value.$", path.get()));
                return new Text(null, template, pathField);
            } catch (IllegalArgumentException e) {
                r.problem("'" + pathField + "' is not a valid path or intrinsic function: " + e.getMessage());
            }
        }
        return new Text(literal.orElse(null), null, field);
    }

    @Override
    public String type() {
        return "Fail";
    }

    @Override
    public boolean emitsExitedEvent() {
        return false;
    }

    @Override
    public boolean endsOnCompletion() {
        return false;
    }

    @Override
    public Outcome run(StateRun run) {
        String errorName = error.resolve(run);
        String causeText = cause.resolve(run);
        throw new StatesError(errorName, causeText);
    }
}
