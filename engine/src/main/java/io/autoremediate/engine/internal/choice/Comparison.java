package io.autoremediate.engine.internal.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.json.JsonPath;
import io.autoremediate.engine.internal.json.Scope;
import java.util.Objects;
import java.util.Optional;

/**
 * A comparison rule: the value at {@code variable} against a literal or, for the {@code ...Path} operators,
 * the value at another path. A value of the wrong type never matches; a missing Variable is a
 * {@code States.Runtime} error except for IsPresent.
 */
public record Comparison(JsonPath variable, ComparisonOperator operator, JsonNode literal, JsonPath valuePath)
        implements ChoiceRule {
    public Comparison {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(operator, "operator");
        if ((literal == null) == (valuePath == null)) {
            throw new IllegalArgumentException("exactly one of a literal and a value path is needed");
        }
    }

    @Override
    public boolean matches(Scope scope) {
        Optional<JsonNode> value = variable.read(scope.rootFor(variable));
        if (operator == ComparisonOperator.IS_PRESENT) {
            return value.isPresent() == literal.booleanValue();
        }
        JsonNode actual = value.orElseThrow(() -> new RuntimeFailure("Invalid path '" + variable.text()
                + "': The choice state's condition path references an invalid value."));
        JsonNode expected = literal != null ? literal : valuePath.read(scope.rootFor(valuePath))
                .orElseThrow(() -> new RuntimeFailure("Invalid path '" + valuePath.text()
                        + "': The choice state's condition path references an invalid value."));
        return operator.test(actual, expected);
    }
}
