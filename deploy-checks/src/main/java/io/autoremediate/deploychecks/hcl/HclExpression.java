package io.autoremediate.deploychecks.hcl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attribute's value as written. Literals, tuples and objects are read into structure; anything else
 * (references, function calls, for-expressions, conditionals, templates) is kept as its source text, since
 * the checks compare what the module says, not what Terraform would compute from it.
 */
public sealed interface HclExpression {

    /** The expression's text as it appears in the file, trimmed. */
    String source();

    /** A string without interpolation, a number, {@code true}, {@code false} or {@code null}. */
    record Literal(Object value, String source) implements HclExpression {
    }

    /** A quoted string with {@code ${...}} or {@code %{...}} inside; {@code template} is its unescaped text. */
    record Template(String template, String source) implements HclExpression {
    }

    /** {@code [a, b, ...]}. */
    record Tuple(List<HclExpression> elements, String source) implements HclExpression {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {key = value, ...}}, keys in the order written. */
    record ObjectValue(Map<String, HclExpression> items, String source) implements HclExpression {
        public ObjectValue {
            items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        }
    }

    /** Anything else, kept as written: {@code aws_s3_bucket.this.arn}, {@code merge(a, b)}, {@code [for ...]}. */
    record Raw(String source) implements HclExpression {
    }

    /** The value of a string literal; fails naming the expression when it is anything else. */
    default String asString() {
        if (this instanceof Literal literal && literal.value() instanceof String text) {
            return text;
        }
        throw new IllegalStateException("expected a string literal, got: " + source());
    }

    /** The strings of a tuple of string literals. */
    default List<String> asStrings() {
        if (this instanceof Tuple tuple) {
            return tuple.elements().stream().map(HclExpression::asString).toList();
        }
        throw new IllegalStateException("expected a list of string literals, got: " + source());
    }

    default ObjectValue asObject() {
        if (this instanceof ObjectValue object) {
            return object;
        }
        throw new IllegalStateException("expected an object literal, got: " + source());
    }
}
